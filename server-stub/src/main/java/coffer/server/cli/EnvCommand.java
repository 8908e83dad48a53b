package coffer.server.cli;

import coffer.server.tenant.Tenants;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.server.tenant.Environment;
import coffer.server.tenant.Environments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

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
    static final class Create implements Callable<Integer> {
        @Option(names = "--id", required = true, description = "1 to 64 letters, digits or dashes.")
        String id;

        @Option(names = "--name", required = true, description = "The partner's name.")
        String name;

        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Environments.requireValidId(id);
            String secret = Environments.newSecret();
            Result<Environment> created = Operator.withLedger(store, ledger -> {
                if (new Tenants(ledger).environment(id).isPresent()) {
                    return Result.rejected(ErrorCode.ALREADY_EXISTS, "Environment " + id + " already exists",
                            Map.of("env_id", id));
                }
                return Result.ok(new Tenants(ledger).ensureEnvironment(id, name.strip(), secret, null, KycLimitTable.defaults()));
            });
            return Operator.report(spec, created, env -> "Created environment " + env.id() + " (" + env.name() + ").\n"
                    + "Secret (shown once; store it where the partner's servers read it): " + secret + "\n"
                    + "Fingerprint: " + Environments.fingerprint(secret));
        }
    }

    @Command(name = "secret", mixinStandardHelpOptions = true, description = "Add, list or revoke an environment's secrets.",
            subcommands = {AddSecret.class, RevokeSecret.class, ListSecrets.class})
    static final class Secret extends CommandGroup {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a new active secret (both old and new verify until the old one is revoked); prints it once.")
    static final class AddSecret implements Callable<Integer> {
        @Mixin
        EnvScope scope;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String secret = Environments.newSecret();
            Result<String> added = Operator.withLedger(scope.store,
                    ledger -> new Tenants(ledger).addSecret(scope.envId, secret, Operator.ACTOR));
            return Operator.report(spec, added, fingerprint -> "Secret (shown once): " + secret + "\nFingerprint: " + fingerprint);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an active secret by its fingerprint (see 'env secret list'); not the last one.")
    static final class RevokeSecret implements Callable<Integer> {
        @Mixin
        EnvScope scope;

        @Option(names = "--fingerprint", required = true, description = "The secret's fingerprint (12 hex digits).")
        String fingerprint;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Result<String> revoked = Operator.withLedger(scope.store,
                    ledger -> new Tenants(ledger).revokeSecret(scope.envId, fingerprint, Operator.ACTOR));
            return Operator.report(spec, revoked, f -> "Revoked secret " + f + " of environment " + scope.envId + ".");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the fingerprints of the active secrets, newest first.")
    static final class ListSecrets implements Callable<Integer> {
        @Mixin
        EnvScope scope;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Result<java.util.List<String>> secrets = Operator.withLedger(scope.store, ledger -> new Tenants(ledger).environment(scope.envId).isEmpty()
                    ? Result.rejected(ErrorCode.NOT_FOUND, "Environment " + scope.envId + " was not found",
                            Map.of("env_id", scope.envId))
                    : Result.ok(new Tenants(ledger).secrets(scope.envId)));
            return Operator.report(spec, secrets, list -> String.join("\n", list.stream().map(Environments::fingerprint).toList()));
        }
    }
}
