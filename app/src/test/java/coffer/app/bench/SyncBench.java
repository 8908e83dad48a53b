package coffer.app.bench;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.app.api.ApiClient;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.money.Money;
import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.tenant.Tenants;
import coffer.server.ledger.LedgerService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local ledger's sync benchmark (BENCHMARKS.md section 3). Starts a Coffer server in this JVM on a fresh
 * SQLite folder, gives alice {@code --rows} movements through {@link LedgerService} (transfers between her
 * two wallets, 64 submitters so the ledger's group commit takes them quickly), then:
 *
 * <ol>
 *   <li>full sync over HTTP into a fresh local database, pages of 1000 (the app's setting);</li>
 *   <li>grows the local copy to {@code --local-rows} with transfers between alice's two wallets that cancel
 *       out in pairs (so the balance check still holds and still sums every row), then measures an
 *       incremental sync of one new server movement, {@code --runs} times, reporting the median.</li>
 * </ol>
 * The heap used is polled every 5 ms during each phase. The server shares the JVM, so the peak heap is an
 * upper bound of the app's own.
 *
 * <p>Run: {@code mvn -B -q -Psync-bench -pl app -am -DskipTests test} (arguments: {@code -Dsync-bench.args="--rows 100000"}).
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = intArg(args, "--rows", 100_000);
        int localRows = intArg(args, "--local-rows", 500_000);
        int runs = intArg(args, "--runs", 9);
        Path dir = Files.createTempDirectory("coffer-sync-bench");
        Files.createDirectories(dir.resolve("server"));
        System.out.printf(Locale.ROOT, "# Local ledger sync benchmark%n%nJava %s, %d cores, max heap %d MB, data in %s,"
                        + " system load average at start %.1f%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dir,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (CofferServer server = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(dir.resolve("server")), true))) {
            LedgerService ledger = server.ledger();
            String env = DemoData.ENV_ID;
            String alice = new Tenants(ledger).userByEmail(new EnvId(env), "alice@example.com").orElseThrow().id();
            String main = ledger.wallets(env, alice).get(0).id();
            String pot = ledger.openWallet(NewWallet.additional(new EnvId(env), new UserId(alice), java.util.Currency.getInstance("USD")))
                    .orThrow().id();
            seed(ledger, env, alice, main, pot, rows);

            ApiClient client = ApiClient.create(server.baseUrl());
            client.login("alice@example.com", "demo-password");
            try (LocalLedger local = LocalLedger.open(dir.resolve("app/ledger.db"))) {
                AtomicLong fetching = new AtomicLong();
                SyncEngine.Feed timed = (cursor, limit) -> {
                    long t0 = System.nanoTime();
                    SyncPage page = client.sync(cursor, limit);
                    fetching.addAndGet(System.nanoTime() - t0);
                    return page;
                };
                SyncEngine engine = new SyncEngine(timed, client::transactions, local, SyncEngine.Options.DEFAULT,
                        Clock.systemUTC());
                SyncEngine.SyncReport full;
                long start;
                long took;
                try (HeapPeak heap = new HeapPeak()) {
                    long cpu0 = cpuNanos();
                    start = System.nanoTime();
                    full = engine.sync();
                    took = System.nanoTime() - start;
                    long cpu = cpuNanos() - cpu0;
                    System.out.printf(Locale.ROOT, "## Full sync%n%n| changes | movements stored | pages | seconds | changes/s |"
                                    + " of which waiting for the server, s | JVM CPU s (app + server) | check | peak heap MB |%n"
                                    + "|---:|---:|---:|---:|---:|---:|---:|---|---:|%n| %,d | %,d | %d | %.2f | %,.0f | %.2f | %.2f | %s | %d |%n%n",
                            full.rows(), local.transactionCount(), full.pages(), took / 1e9, full.rows() / (took / 1e9),
                            fetching.get() / 1e9, cpu / 1e9, full.check(), heap.peakMb());
                }

                grow(local, client.accounts(), main, pot, localRows);
                List<Double> millis = new ArrayList<>();
                List<Double> checkMillis = new ArrayList<>();
                long peak;
                try (HeapPeak heap = new HeapPeak()) {
                    for (int i = 0; i < runs; i++) {
                        ledger.transfer(new MoveCommand(new EnvId(env), UserId.ofNullable(alice), new WalletId(main),
                                new WalletId(pot), Money.parse("1.00", "USD"), Memo.description("bench " + i)),
                                null).result().orThrow();
                        start = System.nanoTime();
                        SyncEngine.SyncReport one = engine.sync();
                        took = System.nanoTime() - start;
                        if (one.check() != SyncEngine.Check.OK || one.full()) {
                            throw new IllegalStateException("incremental sync went wrong: " + one);
                        }
                        millis.add(took / 1e6);
                        start = System.nanoTime();
                        local.mismatches();
                        checkMillis.add((System.nanoTime() - start) / 1e6);
                    }
                    peak = heap.peakMb();
                }
                System.out.printf(Locale.ROOT, "## Incremental sync of one new movement%n%n| local movements | runs | median ms | min ms | max ms |"
                                + " of which the balance check, median ms | peak heap MB |%n|---:|---:|---:|---:|---:|---:|---:|%n"
                                + "| %,d | %d | %.1f | %.1f | %.1f | %.1f | %d |%n%nall runs, ms: %s%n",
                        local.transactionCount(), runs, median(millis), min(millis), max(millis), median(checkMillis), peak,
                        millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).toList());
            }
        }
    }

    /** {@code count} more movements for alice: transfers of 1.00 between her main wallet and her pot, back and forth. */
    private static void seed(LedgerService ledger, String env, String alice, String main, String pot, int count) throws Exception {
        int submitters = 64;
        // a float in the pot first, so transfers back never wait for the ones there (the wallets' caps allow no more top-ups)
        ledger.transfer(new MoveCommand(new EnvId(env), UserId.ofNullable(alice), new WalletId(main), new WalletId(pot),
                Money.parse("500.00", "USD"), Memo.description("float")), null).result().orThrow();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < submitters; t++) {
                done.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        boolean there = n % 2 == 0;
                        ledger.transfer(new MoveCommand(new EnvId(env), UserId.ofNullable(alice),
                                new WalletId(there ? main : pot), new WalletId(there ? pot : main), Money.parse("1.00",
                                "USD"), Memo.description((there ? "to the pot " : "back from the pot ") + n)),
                                null).result().orThrow();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "Seeded %,d movements through LedgerService in %.1f s%n%n", count, (System.nanoTime() - start) / 1e9);
    }

    /** Adds transfers main → pot and back, same amounts, until the copy holds {@code target} movements. */
    private static void grow(LocalLedger local, List<AccountView> accounts, String main, String pot, int target) {
        LocalLedger.SyncState state = local.state();
        long missing = (target - local.transactionCount()) / 2 * 2;   // pairs, so they cancel out
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        long start = System.nanoTime();
        long cpu0 = cpuNanos();
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
        System.out.printf(Locale.ROOT, "Grew the local copy to %,d movements in %.1f s (%.1f s of CPU): LocalLedger.apply alone,"
                + " %,.0f rows/s of CPU%n%n", local.transactionCount(), (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu0) / 1e9,
                missing / ((cpuNanos() - cpu0) / 1e9));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int intArg(String[] args, String name, int fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1].replace("_", "")) : fallback;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The most heap in use while it runs, polled every 5 ms (after a GC at the start). */
    private static final class HeapPeak implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread poller;
        private volatile boolean running = true;
        private volatile long peak;

        HeapPeak() {
            System.gc();
            poller = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            poller.setDaemon(true);
            poller.start();
        }

        long peakMb() {
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) >> 20;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join();
        }
    }
}
