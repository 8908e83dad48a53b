package coffer.server.cli;

import coffer.server.db.Database;
import coffer.server.ledger.LedgerVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** {@code verify}: checks the ledger's invariants; exit 0 when sound, 1 on any violation. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the ledger's invariants and print a report. Exit code 0: sound; 1: violations found.")
public final class VerifyCommand implements Callable<Integer> {
    /** Exit code when the ledger breaks an invariant. */
    public static final int VIOLATIONS = 1;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        try (Database database = Database.open(store.toConfig())) {
            LedgerVerifier.Report report = LedgerVerifier.verify(database);
            PrintWriter out = spec.commandLine().getOut();
            out.print(report.describe());
            out.flush();
            return report.ok() ? 0 : VIOLATIONS;
        }
    }
}
