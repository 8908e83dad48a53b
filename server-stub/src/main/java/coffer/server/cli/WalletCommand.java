package coffer.server.cli;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.WalletStatusChange;
import coffer.core.error.Result;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.db.Database;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.WalletSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wallet status}: the operator suspends, locks, reactivates or closes a wallet. The operator is
 * the strongest actor: its lock or suspension stands until the operator lifts it.
 */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Change a wallet's status as the operator.",
        subcommands = WalletCommand.Status.class)
public final class WalletCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Set a wallet's status (audited with the reason).")
    static final class Status extends Operator<WalletSnapshot> {
        @Mixin
        EnvScope scope;

        @Option(names = "--wallet", required = true, description = "The wallet id (wal_...).")
        String walletId;

        @Option(names = "--status", required = true, paramLabel = "active|locked|suspended|closed")
        String status;

        @Option(names = "--reason", required = true, description = "Why, for the audit log.")
        String reason;

        private WalletStatus target;

        @Override
        void check() {
            try {
                target = WalletStatus.fromWire(status);
            } catch (RuntimeException e) {
                throw usage("--status must be active, locked, suspended or closed");
            }
            if (reason.isBlank()) {
                throw usage("--reason must say why");
            }
        }

        @Override
        Result<WalletSnapshot> change(Database database, LedgerService ledger) {
            return ledger.setWalletStatus(new WalletStatusChange(new EnvId(scope.envId), null, new WalletId(walletId), target,
                    StatusActor.OPERATOR, reason.strip()));
        }

        @Override
        String done(WalletSnapshot w) {
            return "Wallet " + w.id() + " is " + w.status().wireName() + ".";
        }
    }
}
