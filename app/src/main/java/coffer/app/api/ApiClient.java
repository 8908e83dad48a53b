package coffer.app.api;

import coffer.core.api.OrganizationTypes;
import coffer.core.api.OrganizationTypes.AddMemberRequest;
import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.api.OrganizationTypes.ChangeRoleRequest;
import coffer.core.api.OrganizationTypes.CreateOrganizationRequest;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.OrganizationTypes.OrganizationResponse;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import coffer.core.api.OrganizationTypes.UpdateOrganizationRequest;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.AccountTypes.OpenAccountRequest;
import coffer.core.api.BankTypes;
import coffer.core.api.AuthTypes.LoginRequest;
import coffer.core.api.AuthTypes.RefreshRequest;
import coffer.core.api.AuthTypes.RegisterRequest;
import coffer.core.api.KycTypes.KycStatusResponse;
import coffer.core.api.KycTypes.KycSubmissionRequest;
import coffer.core.api.KycTypes.KycSubmissionResponse;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.api.RefundTypes;
import coffer.core.api.SettlementTypes.ScheduleRequest;
import coffer.core.api.SettlementTypes.ScheduleView;
import coffer.core.api.SettlementTypes.SettlementList;
import coffer.core.api.SettlementTypes.SettlementRequest;
import coffer.core.api.SettlementTypes.SettlementView;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.CardView;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TopupTypes.TopupView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.api.TransferTypes.TransferView;
import coffer.core.api.WithdrawalTypes;
import coffer.core.api.OrderTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import retrofit2.Call;

/**
 * The app's one door to the Coffer server. Blocking calls, made only off the FX thread (it refuses
 * otherwise); every failure is an {@link ApiException}. The access token is refreshed quietly when the
 * server says it expired; refresh tokens are single-use, so refreshes are serialized.
 *
 * <p>This class is the narrow APIs' implementation, each call documented on the interface that declares it;
 * the connection under it (OkHttp, Retrofit, what each answer means, the session's tokens) is {@link ApiConnection}.
 */
public final class ApiClient implements AccountsApi, IdentityApi, PaymentsApi, TopupsApi, WithdrawalsApi, HistoryApi,
        OrdersApi, SettlementsApi, OrganizationsApi, AuthApi, ServerInfoApi, EventsApi {
    private final ApiConnection connection;
    private final CofferApi api;

    private ApiClient(ApiConnection connection) {
        this.connection = connection;
        this.api = connection.api();
    }

    /**
     * A client for the server at {@code baseUrl} (e.g. {@code http://localhost:8080}) that refuses calls
     * on a thread named as JavaFX names its application thread; the app passes the exact test instead.
     */
    public static ApiClient create(String baseUrl) {
        return create(baseUrl, ApiConnection::onFxThreadByName);
    }

    /**
     * A client that refuses, with an {@link IllegalStateException}, every request made while
     * {@code onUiThread} says the caller is on the UI thread (the app passes
     * {@code Platform::isFxApplicationThread}).
     */
    public static ApiClient create(String baseUrl, BooleanSupplier onUiThread) {
        return new ApiClient(new ApiConnection(baseUrl, onUiThread, ApiConnection.DEFAULT_READ_TIMEOUT, List.of()));
    }

    /** As {@link #create(String)}, giving up on an answer that does not come within {@code readTimeout}. */
    public static ApiClient create(String baseUrl, Duration readTimeout) {
        return new ApiClient(new ApiConnection(baseUrl, ApiConnection::onFxThreadByName, readTimeout, List.of()));
    }

    /** As {@link #create(String)}, with OkHttp interceptors after the app's own (tests use them to break connections). */
    public static ApiClient create(String baseUrl, List<Interceptor> interceptors) {
        return new ApiClient(new ApiConnection(baseUrl, ApiConnection::onFxThreadByName,
                ApiConnection.DEFAULT_READ_TIMEOUT, interceptors));
    }

    /**
     * Told after every call whether the server answered ({@code true}, whatever the answer) or could
     * not be reached ({@code false}); called on the calling thread.
     */
    public void onReachability(Consumer<Boolean> listener) {
        connection.onReachability(listener);
    }

    /**
     * Told the refresh token each time the server issues one (sign-in, each quiet refresh), and null when
     * the session ends, so a remembered session can be kept current. Refresh tokens are single-use.
     */
    public void onRefreshToken(Consumer<String> listener) {
        connection.tokens().onRefreshToken(listener);
    }

    /** Signs in again with a remembered refresh token, quietly (no password). */
    public void resume(String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        connection.signIn(api.refresh(new RefreshRequest(refreshToken)));
    }

    /** Whether the server is up: {@code GET /health} answered 200; throws like any call otherwise. */
    public void health() {
        execute(api.health());
    }

    @Override
    public String serverVersion() {
        ServerInfoApi.Health health = execute(api.healthInfo());
        return health == null || health.version() == null ? "" : health.version();
    }

    @Override
    public String baseUrl() {
        return connection.baseUrl();
    }

    /** Called (on an I/O thread) when the session ends because its refresh token was refused. */
    public void onSessionEnded(Runnable listener) {
        connection.tokens().onSessionEnded(listener);
    }

    public boolean signedIn() {
        return connection.tokens().current() != null;
    }

    public void login(String email, String password) {
        connection.signIn(api.login(new LoginRequest(email, password)));
    }

    public void register(String email, String password, String name) {
        connection.signIn(api.register(new RegisterRequest(email, password, name)));
    }

    /** Ends the session here and, best effort, on the server. */
    public void logout() {
        connection.signOut();
    }

    public List<AccountView> accounts() {
        return execute(api.accounts()).accounts();
    }

    public AccountView openAccount(String currency) {
        return execute(api.openAccount(new OpenAccountRequest(currency, null))).account();
    }

    public AccountView openAccount(String currency, boolean additional) {
        return execute(api.openAccount(new OpenAccountRequest(currency, additional))).account();
    }

    public AccountView lock(String walletId) {
        return execute(api.lock(walletId)).account();
    }

    public AccountView unlock(String walletId) {
        return execute(api.unlock(walletId)).account();
    }

    public KycStatusResponse kyc() {
        return execute(api.kyc());
    }

    public KycSubmissionResponse submitKyc(KycSubmissionRequest request) {
        return execute(api.submitKyc(request));
    }

    public PaymentView pay(String idempotencyKey, PaymentRequest request) {
        return execute(api.pay(requireKey(idempotencyKey), request));
    }

    public PaymentView payment(String paymentId) {
        return execute(api.payment(paymentId));
    }

    public TransferView transfer(String idempotencyKey, TransferRequest request) {
        return execute(api.transfer(requireKey(idempotencyKey), request));
    }

    public TransactionList transactions(Map<String, String> filters) {
        return execute(api.transactions(filters));
    }

    public TopupView topup(String idempotencyKey, TopupRequest request) {
        return execute(api.topup(requireKey(idempotencyKey), request));
    }

    public TopupView topupStatus(String topupId) {
        return execute(api.topupStatus(topupId));
    }

    public List<CardView> cards() {
        return execute(api.cards()).cards();
    }

    public TopupView chargeCard(String idempotencyKey, String cardId, CardChargeRequest request) {
        return execute(api.chargeCard(requireKey(idempotencyKey), cardId, request));
    }

    public void removeCard(String cardId) {
        execute(api.removeCard(cardId));
    }

    /** The changes since {@code cursor} (null: from the start), one page at a time. */
    public SyncPage sync(String cursor) {
        return execute(api.sync(cursor, null));
    }

    /** As {@link #sync(String)}, at most {@code limit} changes per page (the server refuses more than its maximum: 5000, 1000 before). */
    public SyncPage sync(String cursor, int limit) {
        return execute(api.sync(cursor, limit));
    }

    public EventStream events(Consumer<String> onEvent) {
        return eventsWithData((name, data) -> onEvent.accept(name));
    }

    public List<BankTypes.BankAccountView> bankAccounts() {
        return execute(api.bankAccounts()).bankAccounts();
    }

    public EventStream eventsWithData(BiConsumer<String, String> onEvent) {
        return connection.events("api/v1/events", onEvent);
    }

    public BankTypes.ResolvedBankAccount resolveBankAccount(String bankCode, String accountNumber) {
        return execute(api.resolveBankAccount(bankCode, accountNumber));
    }

    public BankTypes.BankAccountView addBankAccount(String bankCode, String accountNumber) {
        return execute(api.addBankAccount(new BankTypes.BankAccountRequest(bankCode, accountNumber)));
    }

    public void removeBankAccount(String bankAccountId) {
        execute(api.removeBankAccount(bankAccountId));
    }

    public WithdrawalTypes.WithdrawalView withdraw(String idempotencyKey, WithdrawalTypes.WithdrawalRequest request) {
        return execute(api.withdraw(requireKey(idempotencyKey), request));
    }

    public WithdrawalTypes.WithdrawalView withdrawal(String withdrawalId) {
        return execute(api.withdrawal(withdrawalId));
    }

    public TransactionView transaction(String transactionId) {
        return execute(api.transaction(transactionId)).transaction();
    }

    public long exportCsv(Map<String, String> filters, OutputStream out) throws IOException {
        return connection.download(api.exportCsv(filters), out);
    }

    public RefundTypes.RefundView refund(String idempotencyKey, RefundTypes.RefundRequest request) {
        return execute(api.refund(requireKey(idempotencyKey), request));
    }

    public List<RefundTypes.RefundView> refunds(String transactionId) {
        return execute(api.refunds(transactionId)).refunds();
    }

    public List<OrderTypes.ProductView> products() {
        return execute(api.products()).products();
    }

    public OrderTypes.OrderView order(String idempotencyKey, OrderTypes.OrderRequest request) {
        return execute(api.order(requireKey(idempotencyKey), request));
    }

    public List<OrderTypes.OrderView> orders() {
        return execute(api.orders()).orders();
    }

    public SettlementView settle(String idempotencyKey, SettlementRequest request) {
        return execute(api.settle(requireKey(idempotencyKey), request));
    }

    public SettlementList settlements(String cursor) {
        return execute(api.settlements(null, cursor));
    }

    public SettlementView settlement(String settlementId) {
        return execute(api.settlement(settlementId));
    }

    public ScheduleView createSchedule(ScheduleRequest request) {
        return execute(api.createSchedule(request));
    }

    public List<ScheduleView> schedules() {
        return execute(api.schedules()).schedules();
    }

    public ScheduleView deleteSchedule(String scheduleId) {
        return execute(api.deleteSchedule(scheduleId));
    }

    @Override
    public List<OrganizationSummary> organizations() {
        return execute(api.organizations()).organizations();
    }

    @Override
    public OrganizationResponse organization(String organizationId) {
        return execute(api.organization(organizationId));
    }

    @Override
    public OrganizationCreated createOrganization(String name, String currency) {
        return execute(api.createOrganization(new CreateOrganizationRequest(name, currency)));
    }

    @Override
    public OrganizationResponse setApprovalThreshold(String organizationId, String threshold) {
        return execute(api.updateOrganization(organizationId, new UpdateOrganizationRequest(null, threshold)));
    }

    @Override
    public MemberView addMember(String organizationId, String email, String role) {
        return execute(api.addMember(organizationId, new AddMemberRequest(email, role))).member();
    }

    @Override
    public MemberView changeRole(String organizationId, String userId, String role) {
        return execute(api.changeRole(organizationId, userId, new ChangeRoleRequest(role))).member();
    }

    @Override
    public void removeMember(String organizationId, String userId) {
        execute(api.removeMember(organizationId, userId));
    }

    @Override
    public List<ApprovalView> approvals(String organizationId) {
        return execute(api.approvals(organizationId)).approvals();
    }

    @Override
    public void decide(String idempotencyKey, String kind, String id, boolean approve) {
        String key = requireKey(idempotencyKey);
        switch (kind) {
            case OrganizationTypes.PAYMENT -> execute(approve ? api.approvePayment(key, id) : api.rejectPayment(key, id));
            case OrganizationTypes.WITHDRAWAL -> execute(approve ? api.approveWithdrawal(key, id) : api.rejectWithdrawal(key, id));
            default -> throw new IllegalArgumentException("nothing of kind " + kind + " is decided on");
        }
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a money-moving request needs an idempotency key");
        }
        return key;
    }

    private <T> T execute(Call<T> call) {
        return connection.execute(call);
    }
}
