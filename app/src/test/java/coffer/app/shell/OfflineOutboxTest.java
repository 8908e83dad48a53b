package coffer.app.shell;

import coffer.app.Eventually;
import coffer.app.InProcessServer;
import coffer.app.ThreadedExecutor;
import coffer.app.api.ApiClient;
import coffer.app.local.LocalDatabase;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import coffer.app.offline.Connectivity;
import coffer.app.offline.LocalUser;
import coffer.app.offline.SessionStore;
import coffer.app.send.OutboxRow;
import coffer.app.send.SendViewModel;
import coffer.app.settings.AppSettings;
import coffer.app.signin.SignInViewModel;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.money.Money;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static coffer.app.InProcessServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app against the real server going away and coming back: it starts offline for the last
 * user from the local database, queues payments, and delivers them once when Coffer is back; and an
 * app killed between persisting a payment and sending it delivers it once on its next start.
 */
class OfflineOutboxTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path home;
    private final ThreadedExecutor executor = new ThreadedExecutor();
    private AppViewModel app;

    @AfterEach
    void close() throws Exception {
        SERVER.startAgain();
        if (app != null) {
            executor.onUi(() -> {
                app.close();
                return null;
            });
        }
        executor.close();
    }

    private AppSettings settings() {
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl(SERVER.baseUrl());
        return settings;
    }

    private AppViewModel startApp() throws Exception {
        AppViewModel started = new AppViewModel(executor, settings(), home.resolve("embedded"), Duration.ofMillis(100));
        executor.onUi(() -> {
            started.start();
            return null;
        });
        return started;
    }

    private void signInWithPassword(AppViewModel running) throws Exception {
        Eventually.holds(() -> assertThat(ui(() -> running.navigation().screen.get())).isEqualTo(Screen.SIGN_IN));
        executor.onUi(() -> {
            SignInViewModel form = running.content().signIn();
            form.email.set(ALICE);
            form.password.set(PASSWORD);
            form.submit();
            return null;
        });
        Eventually.holds(() -> assertThat(ui(() -> running.navigation().signedIn.get())).isTrue());
    }

    private <T> T ui(java.util.concurrent.Callable<T> read) throws Exception {
        return executor.onUi(read);
    }

    private Path aliceDatabase() {
        return new SessionStore(home).localDatabase(SERVER.baseUrl(), ALICE);
    }

    /** What a sync would have left in the local database: Alice's wallet, with the available balance given. */
    private void lastSynced(AccountView wallet, String available) {
        try (LocalDatabase db = LocalDatabase.open(aliceDatabase())) {
            db.write(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO wallets VALUES (?, ?, ?, ?, 0, ?, 1, NULL)")) {
                    s.setString(1, wallet.id());
                    s.setString(2, wallet.currency());
                    s.setLong(3, minor(available, wallet.currency()));
                    s.setLong(4, minor(available, wallet.currency()));
                    s.setString(5, wallet.status());
                    return s.executeUpdate();
                }
            });
        }
    }

    private static long minor(String amount, String currency) {
        return Money.parse(amount, currency).minor();
    }

    private static long availableMinor(String user) {
        AccountView wallet = SERVER.signedIn(user).accounts().get(0);
        return minor(wallet.availableBalance(), wallet.currency());
    }

    private static AccountView walletOf(String user) {
        return SERVER.signedIn(user).accounts().get(0);
    }

    private SendViewModel queue(AppViewModel running, String amount) throws Exception {
        SendViewModel send = ui(running.content()::send);
        executor.onUi(() -> {
            send.load();
            return null;
        });
        Eventually.holds(() -> assertThat(ui(() -> send.source.get())).as("the last synced wallet").isNotNull());
        executor.onUi(() -> {
            send.destination.set(BOB);
            send.amount.set(amount);
            send.review();
            assertThat(send.error.get()).isEmpty();
            send.confirm();
            return null;
        });
        return send;
    }

    @Test
    void startedOfflineTheAppQueuesPaymentsAndDeliversThemOnceWhenCofferIsBack() throws Exception {
        app = startApp();
        signInWithPassword(app);
        AccountView alice = walletOf(ALICE);
        long aliceBefore = availableMinor(ALICE);
        long bobBefore = availableMinor(BOB);
        // the local copy is stale: it believes Alice has more than she has
        lastSynced(alice, "5000.00");
        executor.onUi(() -> {
            app.close();
            return null;
        });
        assertThat(new SessionStore(home).load(SERVER.baseUrl())).as("remembered").isPresent();

        SERVER.stop();
        app = startApp();

        Eventually.holds(() -> {
            assertThat(ui(() -> app.navigation().signedIn.get())).as("opened for the last user").isTrue();
            assertThat(ui(() -> app.connection().offlineBanner.get()))
                    .matches("Offline since \\d{1,2}:\\d\\d[^—]* — showing your last synced data; operations are queued");
        });
        assertThat(ui(() -> app.navigation().screen.get())).isNotEqualTo(Screen.SIGN_IN);

        SendViewModel refused = queue(app, "1500.00");
        Eventually.holds(() -> assertThat(ui(() -> refused.status.get()))
                .isEqualTo("Queued — will be sent when Coffer is reachable: 1,500.00 USD to bob@example.com"));
        SendViewModel delivered = queue(app, "25.00");
        Eventually.holds(() -> assertThat(ui(() -> delivered.unfinished.stream().map(OutboxRow::text).toList()))
                .containsExactly(
                        "Queued — will be sent when Coffer is reachable: Payment of 1,500.00 USD to bob@example.com",
                        "Queued — will be sent when Coffer is reachable: Payment of 25.00 USD to bob@example.com"));

        SERVER.startAgain();

        Eventually.holds(() -> assertThat(ui(() -> delivered.status.get()))
                .isEqualTo("Completed: 25.00 USD to bob@example.com"));
        assertThat(ui(() -> app.connection().offlineBanner.get())).isEmpty();
        String reason = "Not enough money available. (Available balance " + Money.ofMinor("USD", aliceBefore).toDecimalString()
                + " USD is less than 1500.00)";
        assertThat(ui(() -> refused.error.get())).isEqualTo(reason);
        Eventually.holds(() -> assertThat(ui(() -> delivered.unfinished.stream().map(OutboxRow::text).toList()))
                .containsExactly("Failed: Payment of 1,500.00 USD to bob@example.com — " + reason));
        assertThat(availableMinor(BOB) - bobBefore).as("Bob got the 25.00 once").isEqualTo(2500);
        assertThat(aliceBefore - availableMinor(ALICE)).isEqualTo(2500);
        assertThat(SERVER.verifyLedger().violations()).isEmpty();
    }

    @Test
    void aPaymentPersistedByAnAppKilledBeforeSendingIsDeliveredOnceByTheNextStart() throws Exception {
        String wallet = walletOf(ALICE).id();
        long bobBefore = availableMinor(BOB);
        // the test's coffer.home, or the child's log file would go into the user's own folder
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcoffer.home=" + AppSettings.home(), "-cp", System.getProperty("java.class.path"), KilledApp.class.getName(),
                aliceDatabase().toString(), wallet, BOB, "7.00")
                .redirectErrorStream(true).start();
        String clientId = new String(child.getInputStream().readAllBytes()).lines()
                .filter(l -> l.startsWith("queued ")).map(l -> l.substring(7)).findFirst().orElseThrow();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("halted, not exited").isEqualTo(KilledApp.HALTED);
        try (LocalDatabase db = LocalDatabase.open(aliceDatabase())) {
            assertThat(new Outbox(db, Clock.systemUTC()).find(clientId).orElseThrow())
                    .extracting(OutboxEntry::state, OutboxEntry::attempts).containsExactly(OutboxEntry.State.QUEUED, 0);
        }

        app = startApp();
        signInWithPassword(app);

        Eventually.holds(() -> {
            try (LocalDatabase db = LocalDatabase.open(aliceDatabase())) {
                assertThat(new Outbox(db, Clock.systemUTC()).find(clientId).orElseThrow())
                        .extracting(OutboxEntry::state, OutboxEntry::attempts).containsExactly(OutboxEntry.State.SENT, 1);
            }
        });
        Eventually.holds(() -> assertThat(availableMinor(BOB) - bobBefore).isEqualTo(700));
        assertThat(SERVER.verifyLedger().violations()).isEmpty();
        assertThat(new SessionStore(home).load(SERVER.baseUrl())).isPresent();

        executor.onUi(() -> {
            app.session().signOut();
            return null;
        });

        Eventually.holds(() -> assertThat(new SessionStore(home).file()).as("forgotten on sign-out").doesNotExist());
    }

    @Test
    void anAnswerLostAfterTheServerAppliedThePaymentIsRetriedWithTheSameKeyAndMovesMoneyOnce() throws Exception {
        long bobBefore = availableMinor(BOB);
        long aliceBefore = availableMinor(ALICE);
        String wallet = walletOf(ALICE).id();
        AtomicInteger answered = new AtomicInteger();
        List<String> keys = new CopyOnWriteArrayList<>();
        Interceptor dropFirstAnswer = chain -> {
            Request request = chain.request();
            boolean payment = request.method().equals("POST") && request.url().encodedPath().equals("/api/v1/payments");
            if (payment) {
                keys.add(request.header("Idempotency-Key"));
            }
            Response response = chain.proceed(request);
            if (payment && answered.getAndIncrement() == 0) {
                response.close();
                throw new IOException("the connection dropped after the server answered");
            }
            return response;
        };
        ApiClient client = ApiClient.create(SERVER.baseUrl(), List.of(dropFirstAnswer));
        client.login(ALICE, PASSWORD);
        SERVER.stop();
        // wired as the app wires them: calls and probes drive connectivity, reconnecting sends the outbox
        LocalUser user = LocalUser.open(ALICE, home.resolve("alice.db"),
                OutboxSender.Transport.of(client::pay, client::transfer), executor, Clock.systemUTC());
        Connectivity connectivity = new Connectivity(executor, () -> {
            client.health();
            return Boolean.TRUE;
        }, Clock.systemUTC());
        client.onReachability(up -> {
            if (up) {
                connectivity.reachable();
            } else {
                connectivity.unreachable();
            }
        });
        connectivity.addListener(since -> {
            if (since.isEmpty()) {
                user.sender().sendNow();
            }
        });
        UUID clientId = UUID.randomUUID();
        executor.onUi(() -> {
            user.sender().queue(() -> user.sender().outbox().enqueuePayment(clientId,
                    new PaymentRequest("9.00", "USD", wallet, BOB, "dropped", null), "9.00 USD to " + BOB),
                    entry -> { }, failure -> { });
            return null;
        });
        Eventually.holds(() -> assertThat(connectivity.online()).isFalse());
        Eventually.holds(() -> assertThat(user.sender().outbox().find(clientId.toString()).orElseThrow().state())
                .isEqualTo(OutboxEntry.State.QUEUED));

        SERVER.startAgain();

        Eventually.holds(() -> assertThat(user.sender().outbox().find(clientId.toString()).orElseThrow().state())
                .isEqualTo(OutboxEntry.State.SENT));
        assertThat(answered.get()).as("the first answer was lost, the retry's arrived").isEqualTo(2);
        assertThat(keys).as("every attempt, offline ones included").hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(Outbox.idempotencyKey(clientId));
        String paymentId = user.sender().outbox().find(clientId.toString()).orElseThrow().serverId();
        Eventually.holds(() -> assertThat(client.payment(paymentId).status()).isEqualTo("completed"));
        assertThat(availableMinor(BOB) - bobBefore).as("Bob got the 9.00 once").isEqualTo(900);
        assertThat(aliceBefore - availableMinor(ALICE)).isEqualTo(900);
        assertThat(SERVER.verifyLedger().violations()).isEmpty();
        user.close();
    }

    /** The app's process, killed right after the outbox entry was committed and before anything was sent. */
    public static final class KilledApp {
        static final int HALTED = 77;

        public static void main(String[] args) {
            try (LocalDatabase db = LocalDatabase.open(Path.of(args[0]))) {
                UUID clientId = UUID.randomUUID();
                new Outbox(db, Clock.systemUTC()).enqueuePayment(clientId,
                        new coffer.core.api.PaymentTypes.PaymentRequest(args[3], "USD", args[1], args[2], "killed", null),
                        args[3] + " USD to " + args[2]);
                System.out.println("queued " + clientId);
                System.out.flush();
                Runtime.getRuntime().halt(HALTED);
            }
        }
    }

}
