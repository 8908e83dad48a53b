package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine against a server that fails in the ways networks and servers do. */
class SyncEngineFailureTest {
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    private static final int ATTEMPTS = 3;

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    private LocalLedger ledger;
    private SyncEngine engine;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ledger = LocalLedger.open(dir.resolve("ledger.db"));
        ApiClient client = ApiClient.create(server.url("/").toString(), Duration.ofMillis(400));
        engine = new SyncEngine(client::sync, client::transactions, ledger,
                new SyncEngine.Options(1000, ATTEMPTS, Duration.ofMillis(10)), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        ledger.close();
        server.shutdown();
    }

    private static TransactionView topup(String id, String amount) {
        return new TransactionView(id, "topup", "completed", amount, "USD", "in", null, null, "top-up " + id, null,
                "2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z", "w1", null);
    }

    /** A last page holding these top-ups of wallet w1, whose balance is their sum. */
    private static String page(String cursor, long seq, String balance, TransactionView... movements) {
        List<SyncChange> changes = java.util.stream.Stream.of(movements)
                .map(t -> new SyncChange(seq, "transaction", t, null)).toList();
        return GSON.toJson(new SyncPage(changes, List.of(new AccountView("w1", "USD", balance, balance, "0.00", "active")),
                seq, cursor, false));
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse status(int code, String errorCode) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"no\"}}");
    }

    /** A first sync that leaves one top-up of 10.00 and cursor c1. */
    private void syncedOnce() throws InterruptedException {
        server.enqueue(ok(page("c1", 1, "10.00", topup("t1", "10.00"))));
        assertThat(engine.sync().check()).isEqualTo(SyncEngine.Check.OK);
        server.takeRequest(1, TimeUnit.SECONDS);
    }

    private void assertUntouched() {
        assertThat(ledger.state().cursor()).isEqualTo("c1");
        assertThat(ledger.transactionCount()).isEqualTo(1);
        assertThat(ledger.wallets()).singleElement().satisfies(w -> assertThat(w.balance()).isEqualTo("10.00"));
    }

    @Test
    void serverErrorsAreRetriedAndASyncThatKeepsFailingLeavesTheCopyAsItWas() throws Exception {
        syncedOnce();
        server.enqueue(status(500, "INTERNAL"));
        server.enqueue(status(503, "INTERNAL"));
        server.enqueue(ok(page("c2", 2, "15.00", topup("t2", "5.00"))));

        assertThat(engine.sync().check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(server.getRequestCount()).isEqualTo(1 + 3);
        assertThat(ledger.transactionCount()).isEqualTo(2);

        for (int i = 0; i < ATTEMPTS; i++) {
            server.enqueue(status(500, "INTERNAL"));
        }
        assertThatThrownBy(engine::sync).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER_ERROR));
        assertThat(ledger.state().cursor()).isEqualTo("c2");
        assertThat(ledger.transactionCount()).isEqualTo(2);
    }

    @Test
    void aTruncatedPageAppliesNothing() throws Exception {
        syncedOnce();
        String whole = page("c2", 2, "15.00", topup("t2", "5.00"));
        for (int i = 0; i < ATTEMPTS; i++) {
            server.enqueue(ok(whole.substring(0, whole.length() / 2)));
        }

        assertThatThrownBy(engine::sync).isInstanceOf(ApiException.class);

        assertUntouched();
    }

    @Test
    void aResponseTooSlowTimesOutAppliesNothingAndTheNextSyncWorks() throws Exception {
        syncedOnce();
        for (int i = 0; i < ATTEMPTS; i++) {
            server.enqueue(ok(page("c2", 2, "15.00", topup("t2", "5.00"))).setHeadersDelay(1, TimeUnit.SECONDS));
        }

        assertThatThrownBy(engine::sync).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NETWORK_DOWN));
        assertUntouched();

        server.enqueue(ok(page("c2", 2, "15.00", topup("t2", "5.00"))));
        assertThat(engine.sync().check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(ledger.transactionCount()).isEqualTo(2);
        assertThat(ledger.state().cursor()).isEqualTo("c2");
    }

    @Test
    void aCursorTheServerNoLongerKnowsStartsOverFromTheBeginning() throws Exception {
        syncedOnce();
        server.enqueue(status(400, "INVALID_REQUEST"));
        // the server's ledger was reset: t1 is gone, t9 is all there is
        server.enqueue(ok(page("n1", 1, "3.00", topup("t9", "3.00"))));

        SyncEngine.SyncReport report = engine.sync();

        RecordedRequest withCursor = server.takeRequest(1, TimeUnit.SECONDS);
        RecordedRequest fromStart = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(withCursor.getRequestUrl().queryParameter("cursor")).isEqualTo("c1");
        assertThat(fromStart.getRequestUrl().queryParameter("cursor")).isNull();
        assertThat(report.full()).isTrue();
        assertThat(report.check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(ledger.transaction("t1")).isEmpty();
        assertThat(ledger.transaction("t9")).isPresent();
        assertThat(ledger.state().cursor()).isEqualTo("n1");
    }
}
