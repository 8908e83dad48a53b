package coffer.app.order;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** An order whose answer was lost on the network stays confirmable, and its retry carries the same key. */
class OrderViewModelRetryTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicBoolean down = new AtomicBoolean(true);
    private final AtomicBoolean bought = new AtomicBoolean();
    /** The Idempotency-Key of every order the server received. */
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** The server's answers to everything but the order itself. */
    private MockResponse answer(String path) {
        String balance = bought.get() ? "987.50" : "1000.00";
        String body = switch (path) {
            case "/api/v1/auth/login" -> "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":900}";
            case "/api/v1/products" -> "{\"products\":[{\"product_id\":\"coffee-beans\",\"name\":\"Coffee beans\","
                    + "\"price\":\"12.50\",\"currency\":\"USD\"}]}";
            case "/api/v1/accounts" -> "{\"accounts\":[{\"id\":\"wal_1\",\"currency\":\"USD\",\"balance\":\"" + balance
                    + "\",\"available_balance\":\"" + balance + "\",\"pending_balance\":\"0.00\",\"status\":\"active\"}]}";
            default -> "{\"orders\":[]}";
        };
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void aConfirmLostOnTheNetworkIsRetriedWithTheSameIdempotencyKey() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getMethod().equals("POST") && request.getPath().equals("/api/v1/orders")) {
                    keys.add(request.getHeader("Idempotency-Key"));
                    if (down.get()) {
                        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
                    }
                    bought.set(true);
                    return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                            .setBody("{\"order_id\":\"txn_1\",\"product_id\":\"coffee-beans\",\"product_name\":\"Coffee beans\","
                                    + "\"wallet_id\":\"wal_1\",\"amount\":\"12.50\",\"currency\":\"USD\",\"status\":\"paid\"}");
                }
                return answer(request.getPath());
            }
        });
        ApiClient api = ApiClient.create(server.url("/").toString());
        api.login("alice@example.com", "demo-password");
        OrderViewModel viewModel = new OrderViewModel(api, api, BackgroundExecutor.sameThread());
        viewModel.load();
        viewModel.product.set(viewModel.products.get(0));
        viewModel.review();

        viewModel.confirm();
        assertThat(viewModel.error.get()).startsWith("Could not buy Coffee beans: The Coffer server cannot be reached");
        assertThat(viewModel.awaitingConfirmation.get()).as("still confirmable").isTrue();

        down.set(false);
        viewModel.confirm();

        assertThat(viewModel.result.get()).isEqualTo("Bought Coffee beans for 12.50 USD (order txn_1).");
        assertThat(viewModel.balance.get()).isEqualTo("Available now: 987.50 USD");
        assertThat(keys).hasSizeGreaterThanOrEqualTo(2).doesNotContainNull().containsOnly(keys.get(0));
    }
}
