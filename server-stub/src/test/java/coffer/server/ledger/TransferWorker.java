package coffer.server.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.Concurrently;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static coffer.server.ledger.LedgerFixture.ENV;
import static coffer.server.ledger.LedgerFixture.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server process in miniature, for tests that need more than one process or a process that dies:
 * {@link #main} runs in a child JVM, opens the ledger at a JDBC URL and sends P2P payments with
 * idempotency keys between given wallets from several threads; the rest of this class starts such a
 * child from a test and reads what it reports.
 *
 * <p>The child reports on stdout, one line each: {@code READY} once the ledger is open (it then waits
 * for {@code GO} on stdin, so several children start together); {@code SEND key from to minor} before
 * each request; {@code OK key movementId} only after the ledger answered success, which it does only
 * once the movement is committed; {@code REFUSED key CODE}; {@code DONE} when it ran all its payments.
 */
final class TransferWorker implements AutoCloseable {
    private static final String READY = "READY";
    private static final String GO = "GO";
    private static final String DONE = "DONE";
    private static final String END_OF_OUTPUT = "";
    private static final String KEY_SCOPE = "env-1/worker";
    private static final OutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

    /**
     * What a child does.
     *
     * @param tag       makes its idempotency keys unique ({@code tag-thread-n})
     * @param payments  payments per thread; 0 to go on until killed
     * @param seed      picks the pairs and amounts; two children with one seed pick the same ones
     * @param reverse   pays each picked pair the other way round, so two children with one seed cross
     */
    record Plan(String tag, int threads, int payments, long seed, boolean reverse, List<String> wallets) {
        private List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of(tag, Integer.toString(threads), Integer.toString(payments),
                    Long.toString(seed), Boolean.toString(reverse)));
            args.addAll(wallets);
            return args;
        }

        private static Plan fromArgs(List<String> args) {
            return new Plan(args.get(0), Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2)),
                    Long.parseLong(args.get(3)), Boolean.parseBoolean(args.get(4)), args.subList(5, args.size()));
        }
    }

    /** One payment as a client sends it; sending it again is a retry with the same key. */
    record Payment(String key, String from, String to, long minor) {
        Outcome<Movement> send(LedgerService ledger) {
            return ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(from), new WalletId(to),
                    Money.ofMinor(USD, minor), Memo.NONE), new IdempotencyKey(KEY_SCOPE, key));
        }
    }

    /** Wallets funded for workers to pay between, and what every account held once they were funded. */
    record Funded(List<String> wallets, Map<String, Long> before) {
        /** Opens the ledger at {@code config}, funds {@code count} wallets with {@code amount} each, and closes it again. */
        static Funded wallets(DatabaseConfig config, int count, String amount) {
            try (LedgerFixture f = new LedgerFixture(config)) {
                List<String> wallets = f.fundedWallets(count, amount);
                return new Funded(wallets, f.postedWithSystemAccounts(wallets));
            }
        }

        /**
         * Asserts that since funding the ledger holds exactly the payments {@code moved}: one P2P movement
         * each, every account moved by them and no more, no wallet below zero, every invariant intact.
         */
        void assertLedgerHoldsExactly(LedgerFixture f, List<Movement> moved) throws SQLException {
            assertThat(f.movementCount(TransactionKind.P2P)).as("payments in the ledger").isEqualTo(moved.size());
            assertThat(f.postedWithSystemAccounts(wallets)).isEqualTo(LedgerFixture.after(before, moved));
            assertThat(wallets).allSatisfy(w -> assertThat(f.postedMinor(w)).isNotNegative());
            assertThat(LedgerVerifier.verify(f.database).violations()).isEmpty();
        }
    }

    /** What children reported, gathered across children and restarts. */
    static final class Transcript {
        final Map<String, Payment> sent = new LinkedHashMap<>();
        final Map<String, String> acknowledged = new LinkedHashMap<>();
        final Map<String, ErrorCode> refused = new LinkedHashMap<>();
        int done;

        /** The acknowledged payments as the ledger holds them; fails unless each is there as it was sent. */
        List<Movement> acknowledgedMovements(LedgerService ledger) {
            List<Movement> movements = new ArrayList<>();
            acknowledged.forEach((key, id) -> {
                Payment payment = sent.get(key);
                assertThat(ledger.movement(ENV, id)).as("acknowledged payment %s", key).hasValueSatisfying(m -> {
                    assertThat(m.debitAccount()).isEqualTo(payment.from());
                    assertThat(m.creditAccount()).isEqualTo(payment.to());
                    assertThat(m.amount().minor()).isEqualTo(payment.minor());
                    movements.add(m);
                });
            });
            return movements;
        }

        private void add(String line) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "SEND" -> sent.put(f[1], new Payment(f[1], f[2], f[3], Long.parseLong(f[4])));
                case "OK" -> acknowledged.put(f[1], f[2]);
                case "REFUSED" -> refused.put(f[1], ErrorCode.valueOf(f[2]));
                case DONE -> done++;
                default -> throw new IllegalStateException("unexpected line from a worker: " + line);
            }
        }
    }

    // ---- the child ----------------------------------------------------------------------------------

    /** {@code <jdbc url> <plan...>}; exits 0 after DONE, or runs until killed. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        Plan plan = Plan.fromArgs(Arrays.asList(args).subList(1, args.length));
        DatabaseConfig config = DatabaseConfig.url(url);
        if (url.startsWith("jdbc:postgresql:")) {
            config = config.withCredentials("postgres", null);
        }
        try (Database database = Database.open(config);
             LedgerService ledger = new LedgerService(database, Clock.systemUTC(),
                     LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            say(READY);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!GO.equals(in.readLine())) {
                System.exit(2);
            }
            // stdin ends when the test's JVM does: a worker must never outlive it
            Thread orphanGuard = new Thread(() -> {
                try {
                    while (in.readLine() != null) {
                        // nothing more is sent after GO
                    }
                } catch (IOException e) {
                    // as good as the end
                }
                Runtime.getRuntime().halt(3);
            }, "orphan-guard");
            orphanGuard.setDaemon(true);
            orphanGuard.start();
            Concurrently.run(plan.threads(), thread -> {
                pay(ledger, plan, thread);
                return null;
            });
            say(DONE);
        }
        System.exit(0);
    }

    private static void pay(LedgerService ledger, Plan plan, int thread) {
        Random random = new Random(plan.seed() * 1_000 + thread);
        List<String> wallets = plan.wallets();
        for (int n = 0; plan.payments() == 0 || n < plan.payments(); n++) {
            int a = random.nextInt(wallets.size());
            int b = (a + 1 + random.nextInt(wallets.size() - 1)) % wallets.size();
            long minor = 1 + random.nextInt(2_000);
            String from = wallets.get(plan.reverse() ? b : a);
            String to = wallets.get(plan.reverse() ? a : b);
            Payment payment = new Payment(plan.tag() + "-" + thread + "-" + n, from, to, minor);
            say("SEND " + payment.key() + " " + from + " " + to + " " + minor);
            Outcome<Movement> outcome = payment.send(ledger);
            say(outcome.isOk() ? "OK " + payment.key() + " " + outcome.orThrow().id()
                    : "REFUSED " + payment.key() + " " + outcome.result().errorCode().name());
        }
    }

    /** One line in one unbuffered write, so a kill never leaves half a line or a line only buffered. */
    private static synchronized void say(String line) {
        try {
            STDOUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the test's side ---------------------------------------------------------------------------

    private final Process process;
    private final Path log;
    private final Transcript transcript;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private boolean ended;

    private TransferWorker(Process process, Path log, Transcript transcript) {
        this.process = process;
        this.log = log;
        this.transcript = transcript;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        // read stdout all the time, so a child never waits on a full pipe while the test reads another
        Thread reader = new Thread(() -> {
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child died mid-read: what it said so far is all there is
            } finally {
                lines.add(END_OF_OUTPUT);
            }
        }, "worker-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child JVM on the test's own classpath, its stderr going to {@code log}; reports go to
     * {@code transcript}, which only the test's thread touches.
     */
    static TransferWorker start(String jdbcUrl, Plan plan, Path log, Transcript transcript) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // a short-lived JVM on a small machine: start fast, stay small
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                TransferWorker.class.getName(), jdbcUrl));
        command.addAll(plan.toArgs());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new TransferWorker(process, log, transcript);
    }

    /** Waits until the child has opened the ledger. */
    void awaitReady() throws InterruptedException {
        String line = next();
        if (!READY.equals(line)) {
            throw new IllegalStateException("the worker did not start: " + line + "\n" + stderr());
        }
    }

    /** Lets the child start paying. */
    void go() throws IOException {
        stdin.write(GO + "\n");
        stdin.flush();
    }

    /** Reads reports until {@code count} more payments were acknowledged, or the child stopped. */
    void readAcknowledgements(int count) throws InterruptedException {
        int target = transcript.acknowledged.size() + count;
        while (transcript.acknowledged.size() < target && readOne()) {
            // each report is recorded by readOne
        }
    }

    /** Reads every report up to the end of the child's output. */
    void readToEnd() throws InterruptedException {
        while (readOne()) {
            // each report is recorded by readOne
        }
    }

    /** Kills the child at once (SIGKILL on Linux), as a crash or {@code kill -9} would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** What the child wrote to stderr, for failure messages. */
    String stderr() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    private boolean readOne() throws InterruptedException {
        String line = next();
        if (line == null) {
            return false;
        }
        transcript.add(line);
        return true;
    }

    /** The next line, or null once the output ended. */
    private String next() throws InterruptedException {
        if (ended) {
            return null;
        }
        String line = lines.take();
        if (line.equals(END_OF_OUTPUT)) {
            ended = true;
            return null;
        }
        return line;
    }

    /** Kills the child if it still runs (a test that failed half-way), so no worker outlives its test. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
