package coffer.server.bench;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.core.error.Result;
import coffer.server.db.Database;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.ledger.LedgerVerifier;
import coffer.server.ledger.Movement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Transfers through {@link LedgerService}, as the API would call it: {@code submitters} threads, each
 * calling {@code transfer} and waiting for its answer before the next (closed loop), each between its
 * own user's two wallets. Afterwards the books are checked with {@link LedgerVerifier}.
 */
final class ServiceLoad {
    private ServiceLoad() {
    }

    static RunResult run(BenchDatabase db, BenchOptions options, int submitters) throws Exception {
        try (BenchDatabase.Scratch scratch = db.fresh(); Database database = Database.open(scratch.config())) {
            LedgerSettings settings = LedgerSettings.defaults().withMaxBatch(options.maxBatch()).withHoldSweepInterval(Duration.ZERO);
            RunResult result;
            try (LedgerService ledger = new LedgerService(database, Clock.systemUTC(), settings)) {
                Population population = Population.create(ledger, submitters);
                List<Window.Worker> workers = new ArrayList<>();
                for (Population.Pair pair : population.pairs()) {
                    workers.add((window, latencies) -> submit(ledger, population.envId(), pair, options.idempotencyKeys(),
                            window, latencies));
                }
                result = Window.measure(db.name(), "service", options.maxBatch(), workers, options.warmup(), options.length(),
                        () -> Commits.count(database), IoProbe.of(database));
            }
            LedgerVerifier.Report report = LedgerVerifier.verify(database);
            if (!report.ok()) {
                throw new IllegalStateException("the ledger does not balance after the run:\n" + report.describe());
            }
            return result;
        }
    }

    private static void submit(LedgerService ledger, String envId, Population.Pair pair, boolean keyed, Window window,
                               Latencies latencies) {
        String scope = "env:" + envId + "/user:" + pair.userId();
        boolean forth = true;
        for (long n = 0; !window.over(); n++) {
            IdempotencyKey key = keyed ? new IdempotencyKey(scope, "t-" + n) : null;
            long start = System.nanoTime();
            Result<Movement> result = ledger.transfer(new MoveCommand(new EnvId(envId),
                    UserId.ofNullable(pair.userId()), new WalletId(forth ? pair.a() : pair.b()),
                    new WalletId(forth ? pair.b() : pair.a()), Population.AMOUNT, Memo.NONE), key).result();
            long took = System.nanoTime() - start;
            window.completed(latencies, 1, result.isOk() ? 0 : 1, took);
            if (result.isOk()) {
                forth = !forth;
            }
        }
    }
}
