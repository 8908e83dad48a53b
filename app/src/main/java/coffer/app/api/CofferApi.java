package coffer.app.api;

import coffer.core.api.OrganizationTypes.AddMemberRequest;
import coffer.core.api.OrganizationTypes.ApprovalList;
import coffer.core.api.OrganizationTypes.ChangeRoleRequest;
import coffer.core.api.OrganizationTypes.CreateOrganizationRequest;
import coffer.core.api.OrganizationTypes.MemberResponse;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.OrganizationTypes.OrganizationList;
import coffer.core.api.OrganizationTypes.OrganizationResponse;
import coffer.core.api.OrganizationTypes.UpdateOrganizationRequest;
import coffer.core.api.AccountTypes.AccountList;
import coffer.core.api.AccountTypes.AccountResponse;
import coffer.core.api.AccountTypes.OpenAccountRequest;
import coffer.core.api.AuthTypes.LoginRequest;
import coffer.core.api.AuthTypes.RefreshRequest;
import coffer.core.api.AuthTypes.RegisterRequest;
import coffer.core.api.AuthTypes.TokenResponse;
import coffer.core.api.KycTypes.KycStatusResponse;
import coffer.core.api.KycTypes.KycSubmissionRequest;
import coffer.core.api.KycTypes.KycSubmissionResponse;
import coffer.core.api.PaymentTypes.PaymentBatchRequest;
import coffer.core.api.PaymentTypes.PaymentBatchResponse;
import coffer.core.api.PaymentTypes.PaymentList;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.api.SettlementTypes.ScheduleList;
import coffer.core.api.SettlementTypes.ScheduleRequest;
import coffer.core.api.SettlementTypes.ScheduleView;
import coffer.core.api.SettlementTypes.SettlementList;
import coffer.core.api.SettlementTypes.SettlementRequest;
import coffer.core.api.SettlementTypes.SettlementView;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.CardList;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TopupTypes.TopupView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionResponse;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.api.TransferTypes.TransferView;
import coffer.core.api.RefundTypes.RefundList;
import coffer.core.api.RefundTypes.RefundRequest;
import coffer.core.api.RefundTypes.RefundView;
import coffer.core.api.BankTypes.BankAccountList;
import coffer.core.api.BankTypes.BankAccountRequest;
import coffer.core.api.BankTypes.BankAccountView;
import coffer.core.api.BankTypes.ResolvedBankAccount;
import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.api.WithdrawalTypes.WithdrawalView;
import coffer.core.api.OrderTypes.OrderList;
import coffer.core.api.OrderTypes.OrderRequest;
import coffer.core.api.OrderTypes.OrderView;
import coffer.core.api.OrderTypes.ProductList;
import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Streaming;

/**
 * The user API ({@code /api/v1}) as the server's {@code /openapi.json} describes it. Money-moving
 * POSTs take the {@code Idempotency-Key} the caller chose, so a retry of one user action moves money once.
 */
interface CofferApi {
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST("api/v1/auth/register")
    Call<TokenResponse> register(@Body RegisterRequest body);

    @POST("api/v1/auth/login")
    Call<TokenResponse> login(@Body LoginRequest body);

    @POST("api/v1/auth/refresh")
    Call<TokenResponse> refresh(@Body RefreshRequest body);

    @POST("api/v1/auth/logout")
    Call<Void> logout(@Body RefreshRequest body);

    @GET("api/v1/accounts")
    Call<AccountList> accounts();

    @GET("api/v1/accounts/{id}")
    Call<AccountResponse> account(@Path("id") String id);

    @POST("api/v1/accounts")
    Call<AccountResponse> openAccount(@Body OpenAccountRequest body);

    @POST("api/v1/accounts/{id}/lock")
    Call<AccountResponse> lock(@Path("id") String id);

    @POST("api/v1/accounts/{id}/unlock")
    Call<AccountResponse> unlock(@Path("id") String id);

    @POST("api/v1/accounts/{id}/close")
    Call<AccountResponse> close(@Path("id") String id);

    @POST("api/v1/payments")
    Call<PaymentView> pay(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body PaymentRequest body);

    @POST("api/v1/payments/batch")
    Call<PaymentBatchResponse> payBatch(@Header(IDEMPOTENCY_KEY) String idempotencyKey,
                                        @Body PaymentBatchRequest body);

    @GET("api/v1/payments/{id}")
    Call<PaymentView> payment(@Path("id") String id);

    @GET("api/v1/payments")
    Call<PaymentList> payments(@Query("limit") Integer limit, @Query("cursor") String cursor);

    @POST("api/v1/transfers")
    Call<TransferView> transfer(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body TransferRequest body);

    @GET("api/v1/transactions")
    Call<TransactionList> transactions(@QueryMap Map<String, String> filters);

    @GET("api/v1/transactions/{id}")
    Call<TransactionResponse> transaction(@Path("id") String id);

    @Streaming
    @GET("api/v1/transactions/export.csv")
    Call<ResponseBody> exportCsv(@QueryMap Map<String, String> filters);

    @GET("api/v1/kyc")
    Call<KycStatusResponse> kyc();

    @POST("api/v1/kyc/submissions")
    Call<KycSubmissionResponse> submitKyc(@Body KycSubmissionRequest body);

    @GET("api/v1/sync")
    Call<SyncPage> sync(@Query("cursor") String cursor, @Query("limit") Integer limit);

    @POST("api/v1/topups")
    Call<TopupView> topup(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body TopupRequest body);

    @GET("api/v1/topups/{id}")
    Call<TopupView> topupStatus(@Path("id") String id);

    @GET("api/v1/bank-accounts")
    Call<BankAccountList> bankAccounts();

    @GET("api/v1/bank-accounts/resolve")
    Call<ResolvedBankAccount> resolveBankAccount(@Query("bank_code") String bankCode,
                                                 @Query("account_number") String accountNumber);

    @POST("api/v1/bank-accounts")
    Call<BankAccountView> addBankAccount(@Body BankAccountRequest body);

    @DELETE("api/v1/bank-accounts/{id}")
    Call<Void> removeBankAccount(@Path("id") String id);

    @POST("api/v1/withdrawals")
    Call<WithdrawalView> withdraw(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body WithdrawalRequest body);

    @GET("api/v1/withdrawals/{id}")
    Call<WithdrawalView> withdrawal(@Path("id") String id);

    @GET("api/v1/cards")
    Call<CardList> cards();

    @POST("api/v1/cards/{id}/charges")
    Call<TopupView> chargeCard(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Path("id") String id,
                               @Body CardChargeRequest body);

    @DELETE("api/v1/cards/{id}")
    Call<Void> removeCard(@Path("id") String id);

    @POST("api/v1/refunds")
    Call<RefundView> refund(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body RefundRequest body);

    @GET("api/v1/refunds")
    Call<RefundList> refunds(@Query("transaction_id") String transactionId);

    @GET("api/v1/products")
    Call<ProductList> products();

    @POST("api/v1/orders")
    Call<OrderView> order(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body OrderRequest body);

    @GET("api/v1/orders")
    Call<OrderList> orders();

    @POST("api/v1/settlements")
    Call<SettlementView> settle(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body SettlementRequest body);

    @GET("api/v1/settlements")
    Call<SettlementList> settlements(@Query("limit") Integer limit, @Query("cursor") String cursor);

    @GET("api/v1/settlements/{id}")
    Call<SettlementView> settlement(@Path("id") String id);

    @POST("api/v1/settlement-schedules")
    Call<ScheduleView> createSchedule(@Body ScheduleRequest body);

    @GET("api/v1/settlement-schedules")
    Call<ScheduleList> schedules();

    @DELETE("api/v1/settlement-schedules/{id}")
    Call<ScheduleView> deleteSchedule(@Path("id") String id);

    @GET("api/v1/organizations")
    Call<OrganizationList> organizations();

    @GET("api/v1/organizations/{id}")
    Call<OrganizationResponse> organization(@Path("id") String id);

    @POST("api/v1/organizations")
    Call<OrganizationCreated> createOrganization(@Body CreateOrganizationRequest body);

    @PATCH("api/v1/organizations/{id}")
    Call<OrganizationResponse> updateOrganization(@Path("id") String id, @Body UpdateOrganizationRequest body);

    @POST("api/v1/organizations/{id}/members")
    Call<MemberResponse> addMember(@Path("id") String id, @Body AddMemberRequest body);

    @PATCH("api/v1/organizations/{id}/members/{user_id}")
    Call<MemberResponse> changeRole(@Path("id") String id, @Path("user_id") String userId, @Body ChangeRoleRequest body);

    @DELETE("api/v1/organizations/{id}/members/{user_id}")
    Call<Void> removeMember(@Path("id") String id, @Path("user_id") String userId);

    @GET("api/v1/organizations/{id}/approvals")
    Call<ApprovalList> approvals(@Path("id") String id);

    @POST("api/v1/payments/{id}/approve")
    Call<PaymentView> approvePayment(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Path("id") String id);

    @POST("api/v1/payments/{id}/reject")
    Call<PaymentView> rejectPayment(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Path("id") String id);

    @POST("api/v1/withdrawals/{id}/approve")
    Call<WithdrawalView> approveWithdrawal(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Path("id") String id);

    @POST("api/v1/withdrawals/{id}/reject")
    Call<WithdrawalView> rejectWithdrawal(@Header(IDEMPOTENCY_KEY) String idempotencyKey, @Path("id") String id);

    @GET("health")
    Call<Void> health();

    @GET("health")
    Call<ServerInfoApi.Health> healthInfo();
}
