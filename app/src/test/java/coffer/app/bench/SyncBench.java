package coffer.app.bench;

import coffer.app.api.ApiClient;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.tenant.DemoData;
import coffer.server.tenant.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The local ledger's sync benchmark (BENCHMARKS.md section 3). Starts a Coffer server in this JVM on a fresh
 * SQLite folder and gives alice movements through {@link LedgerService} (transfers between her two wallets), then:
 *
 * <ol>
 *   <li>reads as the ledger grows: the first page of her wallet's history and of the change feed, and the feed's
 *       page after the latest cursor, at 10,000, {@code --rows} and {@code --big-rows} movements;</li>
 *   <li>the lean reference: every page of the feed fetched first, then applied to a fresh local database with
 *       no HTTP ({@link LocalLedger#apply}, one transaction per page), the local limit of a full sync;</li>
 *   <li>full sync of {@code --rows} over HTTP into a fresh local database with the app's settings
 *       ({@link SyncEngine.Options#DEFAULT}: the next page fetched while one is applied), balance check included,
 *       {@code --full-runs} times;</li>
 *   <li>grows the local copy to {@code --local-rows} with transfers between alice's two wallets that cancel out
 *       in pairs (so the balance check still holds), then measures an incremental sync of one new server
 *       movement, {@code --runs} times, reporting the median.</li>
 * </ol>
 * Each phase reports its peak heap (the server shares the JVM, so an upper bound of the app's own), the JVM's
 * CPU seconds and the share of the machine other processes took meanwhile.
 *
 * <p>Run: {@code mvn -B -q -Psync-bench -pl app -am -DskipTests test} (arguments: {@code -Dsync-bench.args="--rows 100000"}).
 */
public final class SyncBench {
    private static final int SMALL = 10_000;

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = intArg(args, "--rows", 100_000);
        int localRows = intArg(args, "--local-rows", 500_000);
        int runs = intArg(args, "--runs", 9);
        int fullRuns = intArg(args, "--full-runs", 3);
        int bigRows = intArg(args, "--big-rows", 1_000_000);
        int readRuns = intArg(args, "--read-runs", 15);
        Path dir = Files.createTempDirectory("coffer-sync-bench");
        Files.createDirectories(dir.resolve("server"));
        System.out.printf(Locale.ROOT, "# Local ledger sync benchmark%n%nJava %s, %d cores, max heap %d MB, data in %s,"
                        + " system load average at start %.1f%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dir, Probes.loadAverage());
        try {
            run(dir, rows, localRows, runs, fullRuns, bigRows, readRuns);
        } finally {
            // a run leaves about 1.5 GB behind: the server's ledger and the local copies
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int rows, int localRows, int runs, int fullRuns, int bigRows, int readRuns)
            throws Exception {
        try (CofferServer server = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(dir.resolve("server")), true))) {
            LedgerService ledger = server.ledger();
            String env = DemoData.ENV_ID;
            String alice = new Tenants(ledger).userByEmail(new EnvId(env), "alice@example.com").orElseThrow().id();
            String main = ledger.wallets(env, alice).get(0).id();
            String pot = ledger.openWallet(NewWallet.additional(new EnvId(env), new UserId(alice), java.util.Currency.getInstance("USD")))
                    .orThrow().id();
            Seeder seeder = new Seeder(ledger, env, alice, main, pot);
            ApiClient client = ApiClient.create(server.baseUrl());
            client.login("alice@example.com", "demo-password");
            Reads reads = new Reads(client, seeder, main, readRuns);
            if (SMALL < rows) {
                seeder.growTo(SMALL);
                reads.measure(SMALL);
            }
            seeder.growTo(rows);
            reads.measure(rows);

            leanReference(client, dir.resolve("app/reference.db"));
            try (LocalLedger local = fullSyncs(client, dir.resolve("app"), fullRuns)) {
                incremental(local, client, seeder, main, pot, localRows, runs);
            }
            if (bigRows > rows) {
                seeder.growTo(bigRows);
                reads.measure(bigRows);
            }
            reads.print();
        }
    }

    /** Every page fetched first, then applied with no HTTP: how fast the local database alone takes a full sync. */
    private static void leanReference(ApiClient client, Path file) throws Exception {
        List<SyncPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            pages.add(client.sync(cursor, SyncEngine.Options.DEFAULT.pageLimit()));
            cursor = pages.get(pages.size() - 1).nextCursor();
        } while (pages.get(pages.size() - 1).hasMore());
        long changes = pages.stream().mapToLong(p -> p.changes().size()).sum();
        try (LocalLedger reference = LocalLedger.open(file)) {
            Probes.Phase phase = new Probes.Phase();
            try (phase) {
                for (SyncPage page : pages) {
                    reference.apply(page, Instant.now());
                }
                reference.mismatches();
            }
            System.out.printf(Locale.ROOT, "## Lean reference: the same feed applied locally with no HTTP%n%n| changes | pages |"
                            + " seconds | changes/s | JVM CPU s | others' CPU %% |%n|---:|---:|---:|---:|---:|---:|%n"
                            + "| %,d | %d | %.2f | %,.0f | %.2f | %.0f |%n%n", changes, pages.size(), phase.seconds(),
                    changes / phase.seconds(), phase.cpuSeconds(), phase.othersPercent());
        }
    }

    /** Full syncs into fresh local databases; answers the last one's, open. */
    private static LocalLedger fullSyncs(ApiClient client, Path dir, int count) throws Exception {
        System.out.printf(Locale.ROOT, "## Full sync over HTTP (the first page 1000, then pages of %d, the next fetched while one is applied)%n%n"
                + "| run | changes | movements stored | pages | seconds | changes/s | waiting for the server s | applying s |"
                + " JVM CPU s (app + server) | check | peak heap MB | others' CPU %% | load average |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|%n", SyncEngine.Options.DEFAULT.pageLimit());
        LocalLedger local = null;
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= count; run++) {
            if (local != null) {
                local.close();
            }
            local = LocalLedger.open(dir.resolve("full-" + run + ".db"));
            PageClock pages = new PageClock();
            SyncEngine engine = new SyncEngine(pages.timing(client::sync), client::transactions, local,
                    SyncEngine.Options.DEFAULT, Clock.systemUTC());
            engine.onProgress(p -> pages.applied());
            Probes.Phase phase = new Probes.Phase();
            SyncEngine.SyncReport full;
            try (phase) {
                pages.start();
                full = engine.sync();
            }
            seconds.add(phase.seconds());
            System.out.printf(Locale.ROOT, "| %d | %,d | %,d | %d | %.2f | %,.0f | %.2f | %.2f | %.2f | %s | %d | %.0f | %.1f |%n",
                    run, full.rows(), local.transactionCount(), full.pages(), phase.seconds(), full.rows() / phase.seconds(),
                    pages.waitingSeconds(), pages.applyingSeconds(), phase.cpuSeconds(), full.check(), phase.peakHeapMb(),
                    phase.othersPercent(), Probes.loadAverage());
        }
        System.out.printf(Locale.ROOT, "%nmedian %.2f s%n%n", Probes.median(seconds));
        return local;
    }

    private static void incremental(LocalLedger local, ApiClient client, Seeder seeder, String main, String pot,
                                    int localRows, int runs) throws Exception {
        grow(local, client.accounts(), main, pot, localRows);
        SyncEngine engine = new SyncEngine(client::sync, client::transactions, local, SyncEngine.Options.DEFAULT,
                Clock.systemUTC());
        List<Double> millis = new ArrayList<>();
        List<Double> checkMillis = new ArrayList<>();
        Probes.Phase phase = new Probes.Phase();
        try (phase) {
            for (int i = 0; i < runs; i++) {
                seeder.one("bench " + i);
                long start = System.nanoTime();
                SyncEngine.SyncReport one = engine.sync();
                long took = System.nanoTime() - start;
                if (one.check() != SyncEngine.Check.OK || one.full()) {
                    throw new IllegalStateException("incremental sync went wrong: " + one);
                }
                millis.add(took / 1e6);
                start = System.nanoTime();
                local.mismatches();
                checkMillis.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "## Incremental sync of one new movement%n%n| local movements | runs | median ms | min ms | max ms |"
                        + " of which the balance check, median ms | peak heap MB | others' CPU %% | load average |%n"
                        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"
                        + "| %,d | %d | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %.1f |%n%nall runs, ms: %s%n%n",
                local.transactionCount(), runs, Probes.median(millis), min(millis), max(millis), Probes.median(checkMillis),
                phase.peakHeapMb(), phase.othersPercent(), Probes.loadAverage(),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).toList());
    }

    /** Adds transfers main → pot and back, same amounts, until the copy holds {@code target} movements. */
    private static void grow(LocalLedger local, List<AccountView> accounts, String main, String pot, int target) {
        LocalLedger.SyncState state = local.state();
        long missing = (target - local.transactionCount()) / 2 * 2;   // pairs, so they cancel out
        if (missing <= 0) {
            return;
        }
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        long start = System.nanoTime();
        long cpu0 = Probes.cpuNanos();
        for (long n = 0; n < missing; ) {
            List<SyncChange> changes = new ArrayList<>(1000);
            for (int i = 0; i < 1000 && n < missing; i++, n++) {
                boolean out = n % 2 == 0;
                String when = at.plusSeconds(n).toString();
                changes.add(new SyncChange(state.seq(), "transaction", new TransactionView("bench-" + n, "transfer",
                        "completed",
                        "3.00", "USD", "out", out ? pot : main, out ? pot : main, "filler " + n, null, when, when,
                        out ? main : pot, null), null));
            }
            local.apply(new SyncPage(changes, accounts, state.seq(), state.cursor(), false), Instant.now());
        }
        if (!local.mismatches().isEmpty()) {
            throw new IllegalStateException("the filler does not cancel out: " + local.mismatches());
        }
        System.out.printf(Locale.ROOT, "Grew the local copy to %,d movements in %.1f s (%.1f s of CPU)%n%n",
                local.transactionCount(), (System.nanoTime() - start) / 1e9, (Probes.cpuNanos() - cpu0) / 1e9);
    }

    private static int intArg(String[] args, String name, int fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1].replace("_", "")) : fallback;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
