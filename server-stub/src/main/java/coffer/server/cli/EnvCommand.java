package coffer.server.cli;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.server.db.Database;
import coffer.server.tenant.Environment;
import coffer.server.tenant.Environments;
import coffer.server.ledger.LedgerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/**
 * {@code env}: partner environments and their signing secrets. A secret is printed once, when it is
 * made; afterwards it is named by its fingerprint. Rotation: {@code env secret add}, move the partner
 * to the new secret (both verify meanwhile), then {@code env secret revoke} the old one.
 */
@Command(name = "env", mixinStandardHelpOptions = true, description = "Create partner environments and rotate their secrets.",
        subcommands = {EnvCommand.Create.class, EnvCommand.Secret.class})
public final class EnvCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an environment with default KYC limits; prints its first secret once.")
    static final class Create extends Operator<Environment> {
        @Option(names = "--id", required = true, description = "1 to 64 letters, digits or dashes.")
        String id;

        @Option(names = "--name", required = true, description = "The partner's name.")
        String name;

        private String secret;

        @Override
        void check() {
            Environments.requireValidId(id);
        }

        @Override
        Result<Environment> change(Database database, LedgerService ledger) {
            secret = Environments.newSecret();
            if (new Tenants(ledger).environment(new EnvId(id)).isPresent()) {
                return Result.rejected(ErrorCode.ALREADY_EXISTS, "Environment " + id + " already exists", Map.of("env_id", id));
            }
            return Result.ok(new Tenants(ledger).ensureEnvironment(new EnvId(id), name.strip(), secret, null, KycLimitTable.defaults()));
        }

        @Override
        String done(Environment env) {
            return "Created environment " + env.id() + " (" + env.name() + ").\n"
                    + "Secret (shown once; store it where the partner's servers read it): " + secret + "\n"
                    + "Fingerprint: " + Environments.fingerprint(secret);
        }
    }

    @Command(name = "secret", mixinStandardHelpOptions = true, description = "Add, list or revoke an environment's secrets.",
            subcommands = {AddSecret.class, RevokeSecret.class, ListSecrets.class})
    static final class Secret extends CommandGroup {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a new active secret (both old and new verify until the old one is revoked); prints it once.")
    static final class AddSecret extends Operator<String> {
        @Mixin
        EnvScope scope;

        private String secret;

        @Override
        Result<String> change(Database database, LedgerService ledger) {
            secret = Environments.newSecret();
            return new Tenants(ledger).addSecret(new EnvId(scope.envId), secret, ACTOR);
        }

        @Override
        String done(String fingerprint) {
            return "Secret (shown once): " + secret + "\nFingerprint: " + fingerprint;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an active secret by its fingerprint (see 'env secret list'); not the last one.")
    static final class RevokeSecret extends Operator<String> {
        @Mixin
        EnvScope scope;

        @Option(names = "--fingerprint", required = true, description = "The secret's fingerprint (12 hex digits).")
        String fingerprint;

        @Override
        Result<String> change(Database database, LedgerService ledger) {
            return new Tenants(ledger).revokeSecret(new EnvId(scope.envId), fingerprint, ACTOR);
        }

        @Override
        String done(String revoked) {
            return "Revoked secret " + revoked + " of environment " + scope.envId + ".";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the fingerprints of the active secrets, newest first.")
    static final class ListSecrets extends Operator<List<String>> {
        @Mixin
        EnvScope scope;

        @Override
        Result<List<String>> change(Database database, LedgerService ledger) {
            return new Tenants(ledger).environment(new EnvId(scope.envId)).isEmpty()
                    ? Result.rejected(ErrorCode.NOT_FOUND, "Environment " + scope.envId + " was not found",
                            Map.of("env_id", scope.envId))
                    : Result.ok(new Tenants(ledger).secrets(new EnvId(scope.envId)));
        }

        @Override
        String done(List<String> secrets) {
            return String.join("\n", secrets.stream().map(Environments::fingerprint).toList());
        }
    }
}
