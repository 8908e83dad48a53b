package coffer.server.cli;

import coffer.core.error.Result;
import coffer.server.db.Database;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * An operator command: its arguments checked, then one change made on the ledger opened on {@code --data}
 * or {@code --db} for this command (through the same ledger service the server uses, so every change is
 * checked and audited the same way; on SQLite the file's lock lets it run beside a serving process), and
 * its outcome reported one way. Exit codes: 0 done, 1 refused (the reason on stderr) or not done (a
 * command's {@link #exitCode}), 2 bad usage, 3 could not run. A command that only reads the ledger
 * ({@code env secret list}, {@code trigger}) changes nothing in it.
 *
 * @param <T> what an accepted change answers
 */
abstract class Operator<T> implements Callable<Integer> {
    /** Exit code when the ledger refuses the change (an unknown user, a change the rules forbid). */
    static final int REFUSED = 1;
    /** The actor operator commands are audited as. */
    static final String ACTOR = "operator";

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        check();
        Result<T> result;
        try (Database database = Database.open(store.toConfig());
             LedgerService ledger = new LedgerService(database, Clock.systemUTC(),
                     LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            result = change(database, ledger);
        }
        if (result instanceof Result.Rejected<T> refused) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("refused: " + refused.code() + ": " + refused.message());
            err.flush();
            return REFUSED;
        }
        T done = result.orThrow();
        PrintWriter out = spec.commandLine().getOut();
        out.println(done(done));
        out.flush();
        return exitCode(done);
    }

    /** Refuses what picocli cannot check alone ({@link #usage}), before the ledger is opened. */
    void check() {
    }

    /** The change, on this command's database and ledger. */
    abstract Result<T> change(Database database, LedgerService ledger);

    /** The line printed for an accepted change. */
    abstract String done(T changed);

    /** The exit code of an accepted change: 0 unless the command says otherwise. */
    int exitCode(T changed) {
        return 0;
    }

    /** Bad usage (exit 2), with the reason. */
    final ParameterException usage(String reason) {
        return new ParameterException(spec.commandLine(), reason);
    }
}
