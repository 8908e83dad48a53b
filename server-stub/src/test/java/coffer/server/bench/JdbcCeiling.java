package coffer.server.bench;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.wallet.WalletStatus;
import coffer.server.db.Database;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.ledger.LedgerVerifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ceiling: the rows a transfer writes (two account balance updates, its transactions row, two
 * postings, its change-feed version, and a change of each of its two wallets)
 * and the commit counter, written with plain batched JDBC on the writer's connection of the
 * same database, with the same settings, {@code batch} transfers per commit, no reads, no checks, no
 * queue, statements prepared once ({@link CeilingWriter}). What the service adds on top of this is the
 * engine's cost.
 */
final class JdbcCeiling {
    /** Coffer's own tables, with its text ids and wire names. */
    private static final CeilingWriter.Schema SCHEMA = new CeilingWriter.Schema("", "ledger_clock",
            text(Population.ENV), text(TransactionKind.TRANSFER.wire()), text(TransactionStatus.COMPLETED.wire()),
            text(WalletStatus.ACTIVE.wireName()), List.of());

    /** Coffer's keys: text ids, a movement's made as the service makes it. */
    private static final CeilingWriter.Keys<String> KEYS = new CeilingWriter.Keys<>() {
        @Override
        public String movement(long serial) {
            return Ids.next("txn");
        }

        @Override
        public void bind(PreparedStatement statement, int index, String key) throws SQLException {
            statement.setString(index, key);
        }
    };

    private JdbcCeiling() {
    }

    static RunResult run(BenchDatabase db, BenchOptions options, int batch) throws Exception {
        try (BenchDatabase.Scratch scratch = db.fresh(); Database database = Database.open(scratch.config())) {
            Population population;
            try (LedgerService ledger = new LedgerService(database, Clock.systemUTC(),
                    LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
                population = Population.create(ledger, options.ceilingPairs());
            }
            RunResult result;
            try (Connection c = database.writerConnection()) {
                c.setAutoCommit(false);
                CeilingWriter<String> writer = new CeilingWriter<>(SCHEMA, KEYS, population.pairs().stream()
                        .flatMap(pair -> Stream.of(pair.a(), pair.b())).toList());
                result = Window.measure(db.name(), "jdbc", batch,
                        List.of((window, latencies) -> writer.write(c, batch, window, latencies)),
                        options.warmup(), options.length(), () -> Commits.count(database), IoProbe.of(database));
            }
            LedgerVerifier.Report report = LedgerVerifier.verify(database);
            if (!report.ok()) {
                throw new IllegalStateException("the plain-JDBC rows do not balance:\n" + report.describe());
            }
            return result;
        }
    }

    /** {@code value} as an SQL string literal. */
    private static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
