package coffer.app.send;

import coffer.app.StepExecutor;
import coffer.app.TestLocalUser;
import coffer.app.api.ApiClient;
import coffer.app.offline.LocalUser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confirmed payment or transfer that never got an answer stays queued in the outbox and is retried with the same
 * key, so the server moves the money once.
 */
class SendViewModelRetryTest {
    private static final String WALLETS = "{\"accounts\":[{\"id\":\"wal_1\",\"currency\":\"USD\",\"balance\":\"%s\","
            + "\"available_balance\":\"%s\",\"pending_balance\":\"0.00\",\"status\":\"active\"}]}";
    private static final String PAYMENT = "{\"payment_id\":\"pay_1\",\"status\":\"%s\",\"amount\":\"25.00\","
            + "\"currency\":\"USD\",\"source_wallet_id\":\"wal_1\",\"destination\":\"bob@example.com\"}";

    private static final String WALLET = "{\"id\":\"%s\",\"currency\":\"USD\",\"balance\":\"%s\","
            + "\"available_balance\":\"%s\",\"pending_balance\":\"0.00\",\"status\":\"active\"}";
    private static final String TRANSFER = "{\"transfer_id\":\"txn_1\",\"status\":\"completed\",\"amount\":\"12.50\","
            + "\"currency\":\"USD\",\"from_wallet_id\":\"wal_1\",\"to_wallet_id\":\"wal_2\"}";
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void aConfirmLostOnTheNetworkIsQueuedThenRetriedWithTheSameIdempotencyKey() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicBoolean paid = new AtomicBoolean();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals("/api/v1/auth/login")) {
                    return json(200, "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":900}");
                }
                if (path.equals("/api/v1/accounts")) {
                    String balance = paid.get() ? "975.00" : "1000.00";
                    return json(200, WALLETS.formatted(balance, balance));
                }
                if (path.equals("/api/v1/payments")) {
                    if (down.get()) {
                        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
                    }
                    paid.set(true);
                    return json(201, PAYMENT.formatted("processing"));
                }
                return json(200, PAYMENT.formatted("completed"));
            }
        });
        ApiClient api = ApiClient.create(server.url("/").toString());
        api.login("alice@example.com", "demo-password");
        StepExecutor executor = new StepExecutor();
        LocalUser user = TestLocalUser.open(api, executor, dir);
        SendViewModel viewModel = new SendViewModel(api, api, executor, Duration.ZERO, user.sender(), user.wallets());
        viewModel.load();
        viewModel.destination.set("bob@example.com");
        viewModel.amount.set("25.00");
        viewModel.review();

        viewModel.confirm();
        assertThat(viewModel.status.get())
                .isEqualTo("Queued — will be sent when Coffer is reachable: 25.00 USD to bob@example.com");
        assertThat(viewModel.unfinished).extracting(OutboxRow::text)
                .containsExactly("Queued — will be sent when Coffer is reachable: Payment of 25.00 USD to bob@example.com");
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.busy.get()).isFalse();
        assertThat(viewModel.awaitingConfirmation.get())
                .as("not confirmable again: it is already on its way").isFalse();

        down.set(false);
        assertThat(executor.runScheduled()).as("the outbox's retry").isEqualTo(1);

        assertThat(viewModel.status.get()).isEqualTo("Completed: 25.00 USD to bob@example.com");
        assertThat(viewModel.availableNow.get()).isEqualTo("Available now: 975.00 USD");
        assertThat(viewModel.unfinished).isEmpty();
        List<RecordedRequest> posts = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r.getMethod().equals("POST") && r.getPath().equals("/api/v1/payments")) {
                posts.add(r);
            }
        }
        assertThat(posts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(posts).extracting(r -> r.getHeader("Idempotency-Key")).doesNotContainNull().containsOnly(
                posts.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void aTransferMadeWhileCofferIsDownIsQueuedThenMadeWithTheSameKey() {
        List<String> keys = new ArrayList<>();
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean moved = new AtomicBoolean();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String first = moved.get() ? "87.50" : "100.00";
                String second = moved.get() ? "12.50" : "0.00";
                return switch (request.getPath()) {
                    case "/api/v1/auth/login" -> json(200, "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":900}");
                    case "/api/v1/accounts" -> json(200, "{\"accounts\":[" + WALLET.formatted("wal_1", first, first) + ","
                            + WALLET.formatted("wal_2", second, second) + "]}");
                    case "/api/v1/transfers" -> {
                        keys.add(request.getHeader("Idempotency-Key"));
                        if (down.get()) {
                            yield new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
                        }
                        moved.set(true);
                        yield json(201, TRANSFER);
                    }
                    default -> json(404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Not found.\"}}");
                };
            }
        });
        ApiClient api = ApiClient.create(server.url("/").toString());
        api.login("alice@example.com", "demo-password");
        StepExecutor executor = new StepExecutor();
        LocalUser user = TestLocalUser.open(api, executor, dir);
        TransferViewModel viewModel = new TransferViewModel(api, executor, user.sender(), user.wallets());
        viewModel.load();
        viewModel.from.set(viewModel.wallets.get(0));
        viewModel.to.set(viewModel.wallets.get(1));
        viewModel.amount.set("12.50");
        down.set(true);

        viewModel.transfer();

        assertThat(viewModel.result.get())
                .isEqualTo("Queued — will be sent when Coffer is reachable: 12.50 USD between your wallets.");
        assertThat(viewModel.busy.get()).isFalse();

        down.set(false);
        executor.runScheduled();

        assertThat(viewModel.result.get()).isEqualTo("Moved 12.50 USD between your wallets.");
        assertThat(viewModel.wallets).extracting(w -> w.available()).containsExactly("87.50 USD", "12.50 USD");
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(keys).hasSizeGreaterThanOrEqualTo(2).doesNotContainNull().containsOnly(keys.get(0));
        assertThat(keys.get(0)).startsWith("outbox-");
    }
}
