package coffer.server.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's options; see {@link #USAGE}.
 */
record BenchOptions(List<String> databases, List<Integer> submitters, List<Integer> ceilingBatches, Duration warmup,
                    Duration length, int rounds, int maxBatch, boolean idempotencyKeys, Path sqliteDir, String pgUrl,
                    String pgUser, String pgPassword, Path out) {

    static final String USAGE = """
            LedgerLoad: transfers per second through the ledger service, next to plain batched JDBC writing, at
            the same batch sizes, Coffer's own rows (the ceiling), the same rows with integer keys instead of
            text ids (the integer-key ceiling) and the leanest rows that keep a ledger (the lean reference).

              --db LIST          databases to run: sqlite,postgres (default both)
              --submitters LIST  concurrent callers of the service (default 1,8,64)
              --ceiling LIST     batch sizes of the plain-JDBC runs (default: the submitter counts and --batch;
                                 "none" for no plain-JDBC runs)
              --warmup SECONDS   warm-up before each measured window (default 5)
              --seconds SECONDS  length of each measured window (default 20)
              --rounds N         runs per configuration; the table shows the median run (default 1)
              --batch N          the service's maxBatch and the largest ceiling batch (default 512, the server's default)
              --idempotency      give every transfer its own idempotency key, as API clients do
              --sqlite-dir DIR   where SQLite files go (default: the system temp folder)
              --pg-url URL       an external PostgreSQL server (jdbc:postgresql://host:port/db) instead of the
                                 embedded one; the user needs CREATEDB (each run creates and drops a database)
              --pg-user USER, --pg-password PW   its credentials (or PGUSER / PGPASSWORD)
              --out FILE         also write the result tables (Markdown) to FILE
              --quick            a smoke run: 1 s warm-up, 3 s windows
            """;

    static BenchOptions parse(String... args) {
        List<String> databases = List.of("sqlite", "postgres");
        List<Integer> submitters = List.of(1, 8, 64);
        List<Integer> ceiling = null;
        Duration warmup = Duration.ofSeconds(5);
        Duration length = Duration.ofSeconds(20);
        int rounds = 1;
        int maxBatch = 512;
        boolean keys = false;
        Path sqliteDir = Path.of(System.getProperty("java.io.tmpdir"), "coffer-bench");
        String pgUrl = null;
        String pgUser = System.getenv("PGUSER");
        String pgPassword = System.getenv("PGPASSWORD");
        Path out = null;
        // arguments may also arrive as one string (from a Maven property): split on blanks
        List<String> words = new ArrayList<>();
        for (String a : args) {
            words.addAll(Arrays.stream(a.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList());
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--db" -> databases = List.of(value(words, ++i, w).split(","));
                case "--submitters" -> submitters = ints(value(words, ++i, w));
                case "--ceiling" -> {
                    String v = value(words, ++i, w);
                    ceiling = v.equals("none") ? List.of() : ints(v);
                }
                case "--warmup" -> warmup = Duration.ofMillis((long) (Double.parseDouble(value(words, ++i, w)) * 1000));
                case "--seconds" -> length = Duration.ofMillis((long) (Double.parseDouble(value(words, ++i, w)) * 1000));
                case "--rounds" -> rounds = Integer.parseInt(value(words, ++i, w));
                case "--batch" -> maxBatch = Integer.parseInt(value(words, ++i, w));
                case "--idempotency" -> keys = true;
                case "--sqlite-dir" -> sqliteDir = Path.of(value(words, ++i, w));
                case "--pg-url" -> pgUrl = value(words, ++i, w);
                case "--pg-user" -> pgUser = value(words, ++i, w);
                case "--pg-password" -> pgPassword = value(words, ++i, w);
                case "--out" -> out = Path.of(value(words, ++i, w));
                case "--quick" -> {
                    warmup = Duration.ofSeconds(1);
                    length = Duration.ofSeconds(3);
                }
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + w);
            }
        }
        for (String db : databases) {
            if (!db.equals("sqlite") && !db.equals("postgres")) {
                throw new IllegalArgumentException("unknown database " + db + " (sqlite or postgres)");
            }
        }
        if (ceiling == null) {
            List<Integer> batches = new ArrayList<>(submitters);
            batches.add(maxBatch);
            ceiling = batches.stream().distinct().sorted().toList();
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        return new BenchOptions(databases, submitters, ceiling, warmup, length, rounds, maxBatch, keys, sqliteDir, pgUrl,
                pgUser, pgPassword, out);
    }

    /** Users (wallet pairs) the ceiling spreads its transfers over: as many as the most submitters. */
    int ceilingPairs() {
        return submitters.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static String value(List<String> words, int i, String option) {
        if (i >= words.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.get(i);
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
