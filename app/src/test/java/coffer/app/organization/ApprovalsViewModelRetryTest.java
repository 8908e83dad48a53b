package coffer.app.organization;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.MockApi;
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

/** An approval whose answer was lost on the network is retried with the same key, so it is taken once. */
class ApprovalsViewModelRetryTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicBoolean down = new AtomicBoolean(true);
    private final AtomicBoolean approved = new AtomicBoolean();
    /** The Idempotency-Key of every approval the server received. */
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath();
        if (path.equals("/api/v1/auth/login")) {
            return MockApi.json(200, MockApi.TOKENS);
        }
        if (path.equals("/api/v1/payments/pay_2/approve")) {
            keys.add(request.getHeader("Idempotency-Key"));
            if (down.get()) {
                return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
            approved.set(true);
            return MockApi.json(200, "{\"payment_id\":\"pay_2\",\"status\":\"completed\",\"amount\":\"50.00\","
                    + "\"currency\":\"USD\",\"source_wallet_id\":\"wal_org\",\"destination\":\"shop@example.com\"}");
        }
        if (path.equals("/api/v1/organizations/org_trip/approvals")) {
            return MockApi.json(200, approved.get() ? "{\"approvals\":[]}"
                    : "{\"approvals\":[{\"kind\":\"payment\",\"id\":\"pay_2\",\"amount\":\"50.00\",\"currency\":\"USD\","
                    + "\"source_wallet_id\":\"wal_org\",\"destination\":\"shop@example.com\",\"description\":\"Hotel\","
                    + "\"initiated_by\":\"usr_b\",\"initiated_by_email\":\"bob@example.com\","
                    + "\"created_at\":\"2026-12-02T10:00:00Z\",\"expires_at\":\"2026-12-09T10:00:00Z\"}]}");
        }
        return MockApi.json(404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Not found\"}}");
    }

    @Test
    void anApprovalLostOnTheNetworkIsRetriedWithTheSameKey() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        ApiClient api = ApiClient.create(server.url("/").toString());
        api.login("alice@example.com", "demo-password");
        ApprovalsViewModel inbox = new ApprovalsViewModel(api, BackgroundExecutor.sameThread(), "alice@example.com",
                List.of(Holder.organization("org_trip", "Trip", "admin")));
        inbox.load();
        assertThat(inbox.approvals).singleElement().satisfies(r -> assertThat(r.askedBy()).isEqualTo("bob@example.com"));
        inbox.selected.set(inbox.approvals.get(0));

        inbox.approve();
        assertThat(inbox.error.get()).startsWith("The Coffer server cannot be reached");
        assertThat(inbox.approvals).as("still waiting, still chosen").hasSize(1);
        assertThat(inbox.canDecide.get()).isTrue();

        down.set(false);
        inbox.approve();

        assertThat(inbox.error.get()).isEmpty();
        assertThat(inbox.notice.get()).isEqualTo("Approved: 50.00 USD to shop@example.com");
        assertThat(inbox.approvals).isEmpty();
        assertThat(keys).hasSizeGreaterThanOrEqualTo(2).doesNotContainNull().containsOnly(keys.get(0));
    }
}
