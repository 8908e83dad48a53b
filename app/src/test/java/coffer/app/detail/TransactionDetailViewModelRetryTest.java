package coffer.app.detail;

import coffer.app.MockApi;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.TransactionTypes.TransactionView;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static coffer.app.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A confirmed refund that never got an answer is sent again with the same key, so money moves once. */
class TransactionDetailViewModelRetryTest {
    private static final TransactionView RECEIVED = new TransactionView("txn_1", "p2p", "completed", "25.00", "USD",
            "in", "alice@example.com", "wal_a", "lunch", null, "2026-01-02T03:04:05Z", "2026-01-02T03:04:06Z",
            "wal_b", null);
    private static final String TRANSACTION = "{\"transaction\":{\"id\":\"txn_1\",\"kind\":\"p2p\","
            + "\"status\":\"completed\",\"amount\":\"25.00\",\"currency\":\"USD\",\"direction\":\"in\","
            + "\"counterparty\":\"alice@example.com\",\"counterparty_wallet_id\":\"wal_a\",\"wallet_id\":\"wal_b\","
            + "\"created_at\":\"2026-01-02T03:04:05Z\"}}";
    private static final String REFUND = "{\"transaction_id\":\"txn_2\",\"kind\":\"refund\",\"status\":\"completed\","
            + "\"amount\":\"10.00\",\"currency\":\"USD\",\"original_transaction_id\":\"txn_1\"}";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void aRefundLostOnTheNetworkIsRetriedWithTheSameIdempotencyKey() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicBoolean refunded = new AtomicBoolean();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals("/api/v1/auth/login")) {
                    return json(200, MockApi.TOKENS);
                }
                if (path.startsWith("/api/v1/refunds?")) {
                    return json(200, refunded.get() ? "{\"refunds\":[" + REFUND + "]}" : "{\"refunds\":[]}");
                }
                if (path.equals("/api/v1/refunds")) {
                    if (down.get()) {
                        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
                    }
                    refunded.set(true);
                    return json(201, REFUND);
                }
                return json(200, TRANSACTION);
            }
        });
        ApiClient api = ApiClient.create(server.url("/").toString());
        api.login("bob@example.com", "demo-password");
        TransactionDetailViewModel viewModel = new TransactionDetailViewModel(api, BackgroundExecutor.sameThread(),
                ZoneOffset.UTC, () -> { });
        viewModel.show(RECEIVED);
        viewModel.startRefund();
        viewModel.refundAmount.set("10.00");
        viewModel.reviewRefund();

        viewModel.confirmRefund();
        assertThat(viewModel.error.get()).startsWith("The Coffer server cannot be reached");
        assertThat(viewModel.awaitingConfirmation.get()).as("still confirmable").isTrue();

        down.set(false);
        viewModel.confirmRefund();

        assertThat(viewModel.notice.get()).isEqualTo("Refunded 10.00 USD to alice@example.com (Completed).");
        assertThat(viewModel.refundSummary.get())
                .isEqualTo("Refunded so far: 10.00 USD — left to refund: 15.00 USD");
        List<RecordedRequest> posts = MockApi.posts(server, "/api/v1/refunds");
        assertThat(posts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(posts).extracting(r -> r.getHeader("Idempotency-Key")).doesNotContainNull().containsOnly(
                posts.get(0).getHeader("Idempotency-Key"));
        assertThat(posts.get(0).getBody().readUtf8())
                .isEqualTo("{\"transaction_id\":\"txn_1\",\"amount\":\"10.00\"}");
    }
}
