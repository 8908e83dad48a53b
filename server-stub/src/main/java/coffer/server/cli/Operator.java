package coffer.server.cli;

import coffer.core.error.Result;
import coffer.server.db.Database;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the operator commands share: the ledger opened on {@code --data} or {@code --db} for one
 * command (through the same ledger service the server uses, so every change is checked and audited
 * the same way; on SQLite the file's lock lets it run beside a serving process), and one way to report
 * an outcome. Exit codes: 0 done, 1 refused (the reason on stderr), 2 bad usage, 3 could not run.
 */
final class Operator {
    /** Exit code when the ledger refuses the change (an unknown user, a change the rules forbid). */
    static final int REFUSED = 1;
    /** The actor operator commands are audited as. */
    static final String ACTOR = "operator";

    private Operator() {
    }

    /** Runs {@code work} on the ledger in {@code store}, closing both afterwards. */
    static <T> T withLedger(StoreOptions store, Function<LedgerService, T> work) {
        return withDatabase(store, (database, ledger) -> work.apply(ledger));
    }

    /** Runs {@code work} on the database in {@code store} and its ledger, closing both afterwards. */
    static <T> T withDatabase(StoreOptions store, BiFunction<Database, LedgerService, T> work) {
        try (Database database = Database.open(store.toConfig());
             LedgerService ledger = new LedgerService(database, Clock.systemUTC(),
                     LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            return work.apply(database, ledger);
        }
    }

    /** Prints {@code done}'s line for an accepted change (0), or the refusal on stderr (1). */
    static <T> int report(CommandSpec spec, Result<T> result, Function<T, String> done) {
        if (result instanceof Result.Rejected<T> refused) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("refused: " + refused.code() + ": " + refused.message());
            err.flush();
            return REFUSED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(done.apply(result.orThrow()));
        out.flush();
        return 0;
    }
}
