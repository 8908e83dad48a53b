package coffer.server.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ledger benchmark: transfers per second through {@code LedgerService} at several numbers of
 * concurrent submitters, on SQLite (durable commits) and PostgreSQL, next to three plain batched-JDBC
 * references on the same database, at the same batch sizes: the ceiling ({@link JdbcCeiling}, Coffer's own
 * rows), the integer-key ceiling ({@link IntKeyCeiling}, the same rows keyed by integers instead of text
 * ids) and the lean reference ({@link LeanReference}, the leanest rows that still keep a ledger). Prints
 * one line per run, then the result tables in Markdown.
 *
 * <p>Run it with {@code mvn -B -q -Pbench -pl server-stub -am -DskipTests test} (options in
 * {@code -Dbench.args="..."}; see {@link BenchOptions#USAGE}).
 */
public final class LedgerLoad {
    /** The goals the ledger is held to: transfers per second with the most submitters. */
    /** SQLite: five times the 3,425/s of the layout before issue 16, and 70 % of the lean reference of the same run. */
    private static final double SQLITE_GOAL = 5 * 3_425;
    private static final double SQLITE_LEAN_SHARE = 0.7;
    /** PostgreSQL: three times the 2,779/s of the layout before issue 16. */
    private static final double POSTGRES_GOAL = 3 * 2_779;

    private LedgerLoad() {
    }

    /** A measured configuration, named for the progress lines. */
    @FunctionalInterface
    private interface Run {
        RunResult once() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().isEmpty()) {
                System.out.println(BenchOptions.USAGE); // --help
                return;
            }
            System.err.println(e.getMessage() + "\n\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "warm-up %d s, measured %d s, %d round(s), maxBatch %d, idempotency keys %s%n",
                options.warmup().toSeconds(), options.length().toSeconds(), options.rounds(), options.maxBatch(),
                options.idempotencyKeys() ? "on" : "off");
        List<RunResult> service = new ArrayList<>();
        List<RunResult> ceiling = new ArrayList<>();
        List<String> setups = new ArrayList<>();
        for (String name : options.databases()) {
            try (BenchDatabase db = name.equals("sqlite") ? BenchDatabase.sqlite(options.sqliteDir())
                    : BenchDatabase.postgres(options.pgUrl(), options.pgUser(), options.pgPassword())) {
                String setup = db.describe();
                setups.add(setup);
                System.out.println("\n" + setup);
                for (int batch : options.ceilingBatches()) {
                    ceiling.add(median(options.rounds(), () -> LeanReference.run(db, options, batch)));
                    ceiling.add(median(options.rounds(), () -> JdbcCeiling.run(db, options, batch)));
                    ceiling.add(median(options.rounds(), () -> IntKeyCeiling.run(db, options, batch)));
                }
                for (int n : options.submitters()) {
                    service.add(median(options.rounds(), () -> ServiceLoad.run(db, options, n)));
                }
            }
        }
        String tables = tables(service, ceiling, setups);
        System.out.println();
        System.out.println(tables);
        if (options.out() != null) {
            Files.writeString(options.out(), machine() + "\n\n" + tables);
        }
    }

    private static RunResult median(int rounds, Run run) throws Exception {
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            RunResult r = run.once();
            System.out.println(r.summary());
            results.add(r);
        }
        // the median of the quiet runs, if there are any
        List<RunResult> quiet = results.stream().filter(r -> !r.noisy()).toList();
        List<RunResult> pick = new ArrayList<>(quiet.isEmpty() ? results : quiet);
        pick.sort(Comparator.comparingDouble(RunResult::perSecond));
        return pick.get((pick.size() - 1) / 2);
    }

    static String tables(List<RunResult> service, List<RunResult> ceiling, List<String> setups) {
        StringBuilder sb = new StringBuilder();
        sb.append("Through the service (closed loop: each submitter waits for its answer):\n\n");
        sb.append("| database | submitters | transfers/s | p50 ms | p99 ms | mean batch | JDBC ceiling, same batch | service / ceiling | integer-key ceiling, same batch | service / integer-key ceiling | lean reference, same batch | service / lean | KB written per transfer | peak heap MB | CPU cores: JVM + postgres |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : service) {
            Optional<RunResult> c = sameBatch(ceiling, r, "jdbc");
            Optional<RunResult> intKeys = sameBatch(ceiling, r, "intkeys");
            Optional<RunResult> lean = sameBatch(ceiling, r, "lean");
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %d | %s |%n",
                    r.database(), r.submitters(), r.rate(), RunResult.millis(r.latency().p50()),
                    RunResult.millis(r.latency().p99()), r.meanBatch(), c.map(RunResult::rate).orElse("–"), share(r, c),
                    intKeys.map(RunResult::rate).orElse("–"), share(r, intKeys), lean.map(RunResult::rate).orElse("–"),
                    share(r, lean), r.writtenPerTransfer(), r.peakHeap() >> 20, r.cores()));
        }
        sb.append("\nPlain batched JDBC, one writer, no reads or checks: Coffer's own rows (jdbc, the ceiling), the same rows")
                .append(" with integer keys instead of text ids (intkeys, the integer-key ceiling), and the lean reference's")
                .append(" (lean: integer keys, one row per transfer, two indexes, two balance updates):\n\n");
        sb.append("| database | rows | transfers per commit | transfers/s | commit p50 ms | commit p99 ms | KB written per transfer | CPU cores: JVM + postgres |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : ceiling) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s |%n", r.database(), r.mode(), r.batch(), r.rate(),
                    RunResult.millis(r.latency().p50()), RunResult.millis(r.latency().p99()), r.writtenPerTransfer(), r.cores()));
        }
        if (Stream.concat(service.stream(), ceiling.stream()).anyMatch(RunResult::noisy)) {
            sb.append("\n(noisy): other processes used more than ").append((int) RunResult.NOISY_PERCENT)
                    .append("% of the machine's CPU during that run; repeat it on a quiet machine.\n");
        }
        sb.append("\nGoals (with the most submitters):\n");
        goal(sb, service, ceiling, "sqlite", SQLITE_GOAL, SQLITE_LEAN_SHARE);
        goal(sb, service, ceiling, "postgres", POSTGRES_GOAL, 0);
        sb.append("\nDatabases:\n");
        setups.forEach(s -> sb.append("- ").append(s).append('\n'));
        return sb.toString();
    }

    /** The plain-JDBC run of {@code mode} whose batch size matches what the service run could batch. */
    private static Optional<RunResult> sameBatch(List<RunResult> plain, RunResult service, String mode) {
        return plain.stream().filter(x -> x.mode().equals(mode) && x.database().equals(service.database())
                && x.batch() == Math.min(service.submitters(), service.batch())).findFirst();
    }

    private static String share(RunResult r, Optional<RunResult> of) {
        return of.map(x -> String.format(Locale.ROOT, "%.0f%%", 100 * r.perSecond() / x.perSecond())).orElse("–");
    }

    private static void goal(StringBuilder sb, List<RunResult> service, List<RunResult> plain, String database, double goal,
                             double leanShare) {
        service.stream().filter(r -> r.database().equals(database)).max(Comparator.comparingInt(RunResult::submitters))
                .ifPresent(r -> {
                    Optional<RunResult> lean = sameBatch(plain, r, "lean");
                    boolean met = r.perSecond() >= goal
                            && (leanShare == 0 || lean.map(l -> r.perSecond() >= leanShare * l.perSecond()).orElse(false));
                    sb.append(String.format(Locale.ROOT, "- %s, %d submitters: %,.0f transfers/s, goal %,.0f%s: %s%n",
                            database, r.submitters(), r.perSecond(), goal,
                            leanShare == 0 ? "" : String.format(Locale.ROOT, " and %.0f%% of the lean reference (%s)",
                                    100 * leanShare, lean.map(RunResult::rate).orElse("not run")),
                            met ? "met" : "MISSED"));
                });
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "Machine: %d cores, %d GB RAM, %s %s (%s), Java %s (%s), max heap %d MB, JVM args %s",
                rt.availableProcessors(), ram >> 30, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
