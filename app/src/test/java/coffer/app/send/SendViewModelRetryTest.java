package coffer.app.send;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
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

/** A confirm that never got an answer is retried with the same key, so the server moves the money once. */
class SendViewModelRetryTest {
    private static final String WALLETS = "{\"accounts\":[{\"id\":\"wal_1\",\"currency\":\"USD\",\"balance\":\"%s\","
            + "\"available_balance\":\"%s\",\"pending_balance\":\"0.00\",\"status\":\"active\"}]}";
    private static final String PAYMENT = "{\"payment_id\":\"pay_1\",\"status\":\"%s\",\"amount\":\"25.00\","
            + "\"currency\":\"USD\",\"source_wallet_id\":\"wal_1\",\"destination\":\"bob@example.com\"}";

    private final MockWebServer server = new MockWebServer();

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
    void aConfirmLostOnTheNetworkIsRetriedWithTheSameIdempotencyKey() throws Exception {
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
        SendViewModel viewModel = new SendViewModel(api, BackgroundExecutor.sameThread(), Duration.ZERO);
        viewModel.load();
        viewModel.destinationProperty().set("bob@example.com");
        viewModel.amountProperty().set("25.00");
        viewModel.review();

        viewModel.confirm();
        assertThat(viewModel.errorProperty().get()).startsWith("The Coffer server cannot be reached");
        assertThat(viewModel.awaitingConfirmationProperty().get()).as("still confirmable").isTrue();

        down.set(false);
        viewModel.confirm();

        assertThat(viewModel.statusProperty().get()).isEqualTo("Completed: 25.00 USD to bob@example.com");
        assertThat(viewModel.availableNowProperty().get()).isEqualTo("Available now: 975.00 USD");
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
}
