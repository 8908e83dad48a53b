package coffer.server.cli;

import coffer.server.ledger.UserId;
import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.server.db.Database;
import coffer.server.kyc.KycService;
import coffer.server.ledger.LedgerService;
import coffer.server.tenant.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/** {@code kyc decide}: the operator's decision on a user's identity verification. */
@Command(name = "kyc", mixinStandardHelpOptions = true, description = "Decide identity verifications.",
        subcommands = KycCommand.Decide.class)
public final class KycCommand extends CommandGroup {

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Verify (at a tier) or reject a user's pending verification, or change a verified user's tier.")
    static final class Decide extends Operator<User> {
        @Mixin
        EnvScope scope;

        @Option(names = "--user", required = true,
                description = "The user: Coffer's id (usr_...), the partner's own user id, or the email.")
        String user;

        @Option(names = "--status", required = true, paramLabel = "verified|rejected")
        String status;

        @Option(names = "--tier", paramLabel = "N", description = "The tier of a verified user (default 1).")
        Integer tier;

        @Option(names = "--reason", description = "Why, for the audit log.")
        String reason;

        private KycStatus decided;
        private KycTier kycTier;

        @Override
        void check() {
            decided = switch (status) {
                case "verified" -> KycStatus.VERIFIED;
                case "rejected" -> KycStatus.REJECTED;
                default -> throw usage("--status must be verified or rejected");
            };
            if (tier != null && decided != KycStatus.VERIFIED) {
                throw usage("--tier goes with --status verified");
            }
            try {
                kycTier = tier == null ? null : KycTier.fromWire(tier);
            } catch (RuntimeException e) {
                throw usage("--tier: " + e.getMessage());
            }
        }

        @Override
        Result<User> change(Database database, LedgerService ledger) {
            return find(ledger)
                    .map(u -> KycService.forOperator(ledger, database).decide(scope.envId, u.id(), decided, kycTier,
                            reason == null ? "operator decision" : reason))
                    .orElseGet(() -> Result.rejected(ErrorCode.NOT_FOUND, "No user " + user + " in environment " + scope.envId,
                            Map.of("user", user)));
        }

        @Override
        String done(User u) {
            return "User " + u.id() + " is " + u.kycStatus().wireName()
                    + (u.kycStatus() == KycStatus.VERIFIED ? ", tier " + u.kycTier().wireValue() : "") + ".";
        }

        private Optional<User> find(LedgerService ledger) {
            Tenants tenants = new Tenants(ledger);
            EnvId env = new EnvId(scope.envId);
            return tenants.user(env, new UserId(user)).or(() -> tenants.userByExternalId(env, user))
                    .or(() -> tenants.userByEmail(env, user));
        }
    }
}
