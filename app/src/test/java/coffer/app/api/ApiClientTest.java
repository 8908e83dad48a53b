package coffer.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.api.OrderTypes.OrderRequest;
import coffer.core.api.OrderTypes.ProductView;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.error.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiClientTest {
    private static final String TOKENS = "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"expires_in\":900}";
    private static final String ACCOUNTS = "{\"accounts\":[{\"id\":\"wal_1\",\"currency\":\"USD\",\"balance\":\"1000.00\","
            + "\"available_balance\":\"990.00\",\"pending_balance\":\"10.00\",\"status\":\"active\"}]}";

    private final MockWebServer server = new MockWebServer();
    private ApiClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = ApiClient.create(server.url("/").toString());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private RecordedRequest next() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private void signIn() throws InterruptedException {
        server.enqueue(json(200, TOKENS));
        client.login("alice@example.com", "demo-password");
        next();
    }

    @Test
    void loginPostsCredentialsAndLaterCallsCarryTheBearerToken() throws Exception {
        server.enqueue(json(200, TOKENS));
        server.enqueue(json(200, ACCOUNTS));

        client.login("alice@example.com", "demo-password");
        var accounts = client.accounts();

        RecordedRequest login = next();
        assertThat(login.getMethod()).isEqualTo("POST");
        assertThat(login.getPath()).isEqualTo("/api/v1/auth/login");
        assertThat(login.getBody().readUtf8())
                .isEqualTo("{\"email\":\"alice@example.com\",\"password\":\"demo-password\"}");
        RecordedRequest list = next();
        assertThat(list.getPath()).isEqualTo("/api/v1/accounts");
        assertThat(list.getHeader("Authorization")).isEqualTo("Bearer at-1");
        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.availableBalance()).isEqualTo("990.00");
            assertThat(a.pendingBalance()).isEqualTo("10.00");
        });
    }

    @Test
    void paymentSendsItsIdempotencyKeyAndSnakeCaseBody() throws Exception {
        signIn();
        server.enqueue(json(201, "{\"payment_id\":\"pay_1\",\"status\":\"pending\",\"amount\":\"25.00\",\"currency\":\"USD\"}"));

        PaymentView payment = client.pay("key-123",
                new PaymentRequest("25.00", "USD", "wal_1", "bob@example.com", "lunch", null));

        RecordedRequest sent = next();
        assertThat(sent.getPath()).isEqualTo("/api/v1/payments");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-123");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer at-1");
        assertThat(sent.getBody().readUtf8()).isEqualTo("{\"amount\":\"25.00\",\"currency\":\"USD\","
                + "\"source_wallet_id\":\"wal_1\",\"destination\":\"bob@example.com\",\"description\":\"lunch\"}");
        assertThat(payment.paymentId()).isEqualTo("pay_1");
        assertThat(payment.status()).isEqualTo("pending");
    }

    @Test
    void transferSendsItsIdempotencyKey() throws Exception {
        signIn();
        server.enqueue(json(201, "{\"transfer_id\":\"trf_1\",\"status\":\"completed\"}"));

        client.transfer("key-9", new TransferRequest("wal_1", "wal_2", "5.00", "USD", null));

        RecordedRequest sent = next();
        assertThat(sent.getPath()).isEqualTo("/api/v1/transfers");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-9");
    }

    @Test
    void moneyMovingCallsRefuseAMissingIdempotencyKey() {
        assertThatThrownBy(() -> client.pay(" ", new PaymentRequest("1.00", "USD", "w", "b@e.com", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void historyFiltersTravelAsQueryParameters() throws Exception {
        signIn();
        server.enqueue(json(200, "{\"transactions\":[],\"has_more\":false}"));

        client.transactions(Map.of("q", "lunch"));

        assertThat(next().getPath()).isEqualTo("/api/v1/transactions?q=lunch");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedQuietlyAndTheCallRetried() throws Exception {
        signIn();
        server.enqueue(json(401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"expired\"}}"));
        server.enqueue(json(200, "{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"expires_in\":900}"));
        server.enqueue(json(200, ACCOUNTS));

        assertThat(client.accounts()).hasSize(1);

        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer at-1");
        RecordedRequest refresh = next();
        assertThat(refresh.getPath()).isEqualTo("/api/v1/auth/refresh");
        assertThat(refresh.getBody().readUtf8()).isEqualTo("{\"refresh_token\":\"rt-1\"}");
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer at-2");
    }

    @Test
    void aRefusedRefreshEndsTheSessionAsUnauthenticated() throws Exception {
        signIn();
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        client.onSessionEnded(() -> ended.complete(true));
        server.enqueue(json(401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"expired\"}}"));
        server.enqueue(json(401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"refresh token used\"}}"));

        assertThatThrownBy(client::accounts).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHENTICATED));
        assertThat(client.signedIn()).isFalse();
        assertThat(ended).isCompletedWithValue(true);
    }

    @ParameterizedTest
    @CsvSource({
            "422, INSUFFICIENT_BALANCE",
            "403, KYC_REQUIRED",
            "422, DAILY_LIMIT_EXCEEDED",
            "409, WALLET_LOCKED",
            "404, WALLET_NOT_FOUND"})
    void aRefusalCarriesTheServersCodeAndMessage(int status, ErrorCode code) throws Exception {
        signIn();
        server.enqueue(json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Because " + code + "\"}}"));

        assertThatThrownBy(client::accounts).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ApiException.Kind.REFUSED);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo("Because " + code);
        });
    }

    @Test
    void aRefusalWithoutAnErrorBodyIsStillReadable() throws Exception {
        signIn();
        server.enqueue(new MockResponse().setResponseCode(400).setBody("<html>bad</html>"));

        assertThatThrownBy(client::accounts).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ApiException.Kind.REFUSED);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("HTTP 400");
        });
    }

    @Test
    void wrongCredentialsAreUnauthenticated() {
        server.enqueue(json(401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Wrong email or password.\"}}"));

        assertThatThrownBy(() -> client.login("alice@example.com", "nope")).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHENTICATED);
                    assertThat(e.getMessage()).isEqualTo("Wrong email or password.");
                });
        assertThat(client.signedIn()).isFalse();
    }

    @Test
    void aServerFailureIsAServerError() throws Exception {
        signIn();
        server.enqueue(json(500, "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"boom\"}}"));

        assertThatThrownBy(client::accounts).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER_ERROR);
            assertThat(e.getMessage()).contains("HTTP 500");
        });
    }

    @Test
    void aGarbledSuccessIsAServerError() throws Exception {
        signIn();
        server.enqueue(json(200, "{\"accounts\": 12"));

        assertThatThrownBy(client::accounts).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER_ERROR));
    }

    @Test
    void aDroppedConnectionIsNetworkDown() throws Exception {
        signIn();
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

        assertThatThrownBy(client::accounts).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NETWORK_DOWN));
    }

    @Test
    void anUnreachableServerIsNetworkDown() throws Exception {
        String url = server.url("/").toString();
        server.shutdown();
        ApiClient offline = ApiClient.create(url);

        assertThatThrownBy(() -> offline.login("a@example.com", "x")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NETWORK_DOWN));
    }

    @Test
    void callsOnTheFxThreadAreRefused() throws Exception {
        Thread fx = new Thread(() -> client.accounts(), "JavaFX Application Thread");
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        fx.setUncaughtExceptionHandler((t, e) -> thrown.complete(e));
        fx.start();
        fx.join();

        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("FX thread");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anInjectedUiThreadTestRefusesTheCallBeforeItIsSent() {
        AtomicBoolean onUiThread = new AtomicBoolean(true);
        ApiClient guarded = ApiClient.create(server.url("/").toString(), onUiThread::get);

        assertThatThrownBy(guarded::kyc).isInstanceOf(IllegalStateException.class)
                .hasMessage("network call on the FX thread refused: GET /api/v1/kyc (run it through the BackgroundExecutor)");
        assertThat(server.getRequestCount()).isZero();

        onUiThread.set(false);
        server.enqueue(new MockResponse().setBody("{\"accounts\": []}"));
        assertThat(guarded.accounts()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTopupCarriesItsIdempotencyKeyAndAnswersTheCheckoutPage() throws Exception {
        server.enqueue(json(201, "{\"topup_id\":\"top_1\",\"status\":\"pending\",\"checkout_url\":\"http://p/checkout/cs_1\"}"));

        var topup = client.topup("key-1", new TopupRequest("wal_1", "40.00", "USD", null, null));

        RecordedRequest sent = next();
        assertThat(sent.getPath()).isEqualTo("/api/v1/topups");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-1");
        assertThat(sent.getBody().readUtf8()).isEqualTo("{\"wallet_id\":\"wal_1\",\"amount\":\"40.00\",\"currency\":\"USD\"}");
        assertThat(topup.checkoutUrl()).isEqualTo("http://p/checkout/cs_1");
    }

    @Test
    void bankAccountsAreResolvedSavedAndRemovedAtTheirRoutes() throws Exception {
        server.enqueue(json(200, "{\"bank_code\":\"044\",\"account_number_last4\":\"6789\",\"account_name\":\"Ada Obi\"}"));
        server.enqueue(json(201, "{\"bank_account_id\":\"ba_1\",\"bank_code\":\"044\",\"account_name\":\"Ada Obi\","
                + "\"account_number_last4\":\"6789\"}"));
        server.enqueue(new MockResponse().setResponseCode(204));

        assertThat(client.resolveBankAccount("044", "0123456789").accountName()).isEqualTo("Ada Obi");
        assertThat(client.addBankAccount("044", "0123456789").bankAccountId()).isEqualTo("ba_1");
        client.removeBankAccount("ba_1");

        assertThat(next().getPath()).isEqualTo("/api/v1/bank-accounts/resolve?bank_code=044&account_number=0123456789");
        RecordedRequest saved = next();
        assertThat(saved.getBody().readUtf8()).isEqualTo("{\"bank_code\":\"044\",\"account_number\":\"0123456789\"}");
        RecordedRequest removed = next();
        assertThat(removed.getMethod()).isEqualTo("DELETE");
        assertThat(removed.getPath()).isEqualTo("/api/v1/bank-accounts/ba_1");
    }

    @Test
    void aWithdrawalCarriesItsIdempotencyKeyAndTheChosenAccount() throws Exception {
        server.enqueue(json(201, "{\"withdrawal_id\":\"wd_1\",\"status\":\"succeeded\",\"wallet_id\":\"wal_1\","
                + "\"amount\":\"50.00\",\"currency\":\"USD\"}"));

        var withdrawal = client.withdraw("key-2", new WithdrawalRequest("wal_1", "50.00", "USD", "ba_1", null, null));

        RecordedRequest sent = next();
        assertThat(sent.getPath()).isEqualTo("/api/v1/withdrawals");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-2");
        assertThat(sent.getBody().readUtf8())
                .isEqualTo("{\"wallet_id\":\"wal_1\",\"amount\":\"50.00\",\"currency\":\"USD\",\"bank_account_id\":\"ba_1\"}");
        assertThat(withdrawal.status()).isEqualTo("succeeded");
    }

    @Test
    void anOrderNamesTheWalletAndTheProductButNeverAPrice() throws Exception {
        signIn();
        server.enqueue(json(200, "{\"products\":[{\"product_id\":\"coffee-beans\",\"name\":\"Coffee beans\","
                + "\"price\":\"12.50\",\"currency\":\"USD\"}]}"));
        server.enqueue(json(201, "{\"order_id\":\"txn_1\",\"product_id\":\"coffee-beans\",\"product_name\":\"Coffee beans\","
                + "\"wallet_id\":\"wal_1\",\"amount\":\"12.50\",\"currency\":\"USD\",\"status\":\"paid\"}"));
        server.enqueue(json(200, "{\"orders\":[]}"));

        assertThat(client.products()).extracting(ProductView::price).containsExactly("12.50");
        var order = client.order("key-3", new OrderRequest("wal_1", "coffee-beans"));
        assertThat(client.orders()).isEmpty();

        assertThat(next().getPath()).isEqualTo("/api/v1/products");
        RecordedRequest sent = next();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/api/v1/orders");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-3");
        assertThat(sent.getHeader("Authorization")).startsWith("Bearer ");
        assertThat(sent.getBody().readUtf8()).isEqualTo("{\"wallet_id\":\"wal_1\",\"product_id\":\"coffee-beans\"}");
        assertThat(next().getPath()).isEqualTo("/api/v1/orders");
        assertThat(order.productName()).isEqualTo("Coffee beans");
        assertThatThrownBy(() -> client.order(" ", new OrderRequest("wal_1", "coffee-beans")))
                .as("an order without a key is never sent").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventStreamAsksForServerSentEventsDeliversEachEventAndReconnectsAfterADrop() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody("event: ready\ndata: {\"seq\":1}\n\n:keep-alive\n\nevent: changed\ndata: {\"seq\":2}\n\n")
                .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody("event: changed\ndata: {\"seq\":3}\n\n"));
        List<String> events = new CopyOnWriteArrayList<>();

        try (EventStream stream = client.events(events::add)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (events.size() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
        }

        assertThat(events).as("the keep-alive is no event").startsWith("ready", "changed", "changed");
        RecordedRequest first = next();
        assertThat(first.getPath()).isEqualTo("/api/v1/events");
        assertThat(first.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(next().getPath()).as("reconnected").isEqualTo("/api/v1/events");
    }

    @Test
    void anEventsDataOverSeveralLinesArrivesWholeAndAnUnnamedEventIsAMessage() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody("id: 7\nevent: changed\ndata: {\"seq\":4,\ndata: \"note\":\"two lines\"}\n\ndata: plain\n\n"));
        List<String> events = new CopyOnWriteArrayList<>();

        try (EventStream stream = client.eventsWithData((name, data) -> events.add(name + " " + data))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (events.size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
        }

        assertThat(events).startsWith("changed {\"seq\":4,\n\"note\":\"two lines\"}", "message plain");
    }
}
