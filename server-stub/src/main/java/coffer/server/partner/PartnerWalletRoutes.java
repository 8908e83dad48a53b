package coffer.server.partner;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.WalletStatusChange;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.http.Access;
import coffer.server.http.RateLimited;
import coffer.core.error.CofferException;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.auth.Principal;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.PartnerSignatures;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.json.Json;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.tenant.User;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.topup.Topup;
import coffer.server.withdrawal.Payout;
import coffer.server.withdrawal.PayoutKind;
import coffer.server.withdrawal.Payouts;
import coffer.server.topup.TopupService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The partner wallet API of seed 000, signed with the environment's secret ({@code X-Wallet-Signature}):
 * wallets for the partner's users (created on first use, by the partner's own user id), their status,
 * payments for the partner's products (an order is the payment movement to the environment's merchant
 * account, with its {@code product_id}), and each user's orders. Balances are exact decimal JSON numbers,
 * as in the seed. Top-up and withdrawal ({@code /wallet/topup/}, {@code /wallet/withdraw/}) answer the
 * provider's page and live with the money-in and money-out features.
 */
public record PartnerWalletRoutes(LedgerService ledger, Tenants tenants, TopupService topups, Payouts payouts,
                                  PartnerSignatures signatures, CursorSeal cursors) implements HttpApi.Routes {
    static final int ORDERS_PAGE = 100;

    public PartnerWalletRoutes {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(topups, "topups");
        Objects.requireNonNull(payouts, "payouts");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(cursors, "cursors");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/wallet/", this::create, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/wallet/", this::list, Access.SIGNED);
        routes.patch("/wallet/{id}/status/", this::status, Access.SIGNED, RateLimited.PARTNER);
        routes.post("/wallet/topup/", this::topup, Access.SIGNED, RateLimited.PARTNER);
        routes.post("/wallet/withdraw/", this::withdraw, Access.SIGNED, RateLimited.PARTNER);
        routes.post("/wallet/payment/", this::pay, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/wallet/{env_id}/orders/{user_id}", this::orders, Access.SIGNED);
    }

    /** {@code POST /wallet/ {env_id, user_id, currency?}}: the user's open wallet in the currency (USD by default), created if needed. */
    private void create(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id", "currency"));
        String envId = signed(ctx, body.id("env_id"));
        String externalId = body.id("user_id");
        String code = body.string("currency");
        Currency currency = Currencies.of(code == null ? "USD" : code);
        User user = ensureUser(envId, externalId);
        WalletSnapshot wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(envId), new UserId(user.id()), currency)).orThrow();
        ctx.json(view(wallet, user));
    }

    /** {@code GET /wallet/?env_id&user_id}: the user's wallets; none yet is an empty list. */
    private void list(Context ctx) {
        String envId = signed(ctx, QueryParams.single(ctx.queryParamMap(), "env_id"));
        String userId = Requests.required(QueryParams.single(ctx.queryParamMap(), "user_id"), "user_id");
        List<Map<String, Object>> wallets = user(envId, userId)
                .map(u -> ledger.wallets(envId, u.id()).stream().map(w -> view(w, u)).toList())
                .orElse(List.of());
        ctx.json(Map.of("wallets", wallets));
    }

    /**
     * {@code PATCH /wallet/{id}/status/ {env_id, user_id, status}}. The seed's example sends an
     * {@code amount} and no status: that is accepted, changes nothing, and answers the wallet.
     */
    private void status(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id", "status", "amount"));
        String envId = signed(ctx, body.id("env_id"));
        User user = user(envId, body.id("user_id")).orElseThrow(() -> walletNotFound(ctx.pathParam("id")));
        WalletSnapshot wallet = ownWallet(envId, user, ctx.pathParam("id"));
        String status = body.string("status");
        if (status != null) {
            wallet = ledger.setWalletStatus(new WalletStatusChange(new EnvId(envId), UserId.ofNullable(user.id()),
                    new WalletId(wallet.id()), WalletStatus.fromWire(status), StatusActor.PARTNER,
                    "partner API")).orThrow();
        }
        ctx.json(view(wallet, user));
    }

    /** A signed request to move an amount through one of a user's wallets: top-up and withdraw. */
    private record MoneyRequest(String envId, User user, WalletSnapshot wallet, Money amount, String returnUrl) {
    }

    private MoneyRequest moneyRequest(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id", "wallet_id", "amount", "return_url"));
        String envId = signedRetryable(ctx, body.id("env_id"));
        String walletId = body.id("wallet_id");
        User user = user(envId, body.id("user_id")).orElseThrow(() -> walletNotFound(walletId));
        WalletSnapshot wallet = ownWallet(envId, user, walletId);
        return new MoneyRequest(envId, user, wallet, body.amount(wallet.currency()), body.string("return_url"));
    }

    /**
     * {@code POST /wallet/topup/ {env_id, user_id, wallet_id, amount, return_url?}}: opens the provider's
     * checkout for the amount and answers its {@code url}; the wallet is credited once the provider
     * confirms the payment (its signed webhook), never from this call.
     */
    private void topup(Context ctx) {
        MoneyRequest r = moneyRequest(ctx);
        Principal partnerActingForUser = new Principal(r.envId(), r.user().id(), "partner");
        Outcome<Topup> outcome = topups.createAsPartner(partnerActingForUser, new TopupRequest(r.wallet().id(), r.amount().toDecimalString(),
                r.amount().currencyCode(), r.returnUrl(), false), key(ctx, r.envId()));
        Topup t = Requests.value(ctx, outcome);
        pageAnswer(ctx, t.checkoutUrl(), "topup_id", t.id(), t.status().wire(), t.walletId(), t.amount());
    }

    /**
     * {@code POST /wallet/withdraw/ {env_id, user_id, wallet_id, amount, return_url?}}: sets the amount
     * aside (a hold) and answers the provider's payout page {@code url}, where the user enters the bank
     * account; the hold is captured when the provider pays out, and released if it fails or the page expires.
     * Its {@code status} is {@link Payout#statusWire()}, as the user API says it ({@code pending_approval}, with no
     * {@code url}, for one awaiting an organization's approval).
     */
    private void withdraw(Context ctx) {
        MoneyRequest r = moneyRequest(ctx);
        Payout p = Requests.value(ctx, payouts.start(new Payouts.Order(PayoutKind.WITHDRAWAL, r.envId(), r.user().id(),
                r.wallet().id(), r.amount(), null, null, "Withdrawal",
                r.returnUrl() == null ? null : ReturnOrigins.partnerChosen(r.returnUrl(), "return_url"), key(ctx, r.envId()))));
        pageAnswer(ctx, p.url(), "withdrawal_id", p.id(), p.statusWire(), p.walletId(), p.amount());
    }

    /** A top-up's or withdrawal's answer: the provider's page {@code url} for the user, and the operation as it stands. */
    private static void pageAnswer(Context ctx, String url, String idField, String id, String status, String walletId,
                                   Money amount) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", url);
        answer.put(idField, id);
        answer.put("status", status);
        answer.put("wallet_id", walletId);
        answer.put("amount", amount.toBigDecimal());
        answer.put("currency", amount.currencyCode());
        ctx.json(answer);
    }

    /** {@code POST /wallet/payment/ {env_id, user_id, wallet_id, amount, product_id}}: pays for an order. */
    private void pay(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id", "wallet_id", "amount", "product_id", "description"));
        String envId = signedRetryable(ctx, body.id("env_id"));
        String walletId = body.id("wallet_id");
        User user = user(envId, body.id("user_id")).orElseThrow(() -> walletNotFound(walletId));
        WalletSnapshot wallet = ownWallet(envId, user, walletId);
        Money amount = body.amount(wallet.currency());
        String productId = body.id("product_id");
        String description = body.string("description");
        String metadata = Json.gson().toJson(Map.of("product_id", productId));
        Memo memo = Memo.reference(productId).withDescription(description == null ? "Order " + productId : description)
                .withMetadata(metadata);
        Movement order = Requests.value(ctx, ledger.pay(new SystemMoveCommand(new EnvId(envId), new UserId(user.id()),
                new WalletId(wallet.id()), amount, memo), key(ctx, envId)));
        Map<String, Object> answer = order(order, user);
        answer.put("balance", ledger.wallet(envId, wallet.id()).orElseThrow().balance().postedMoney().toBigDecimal());
        ctx.json(answer);
    }

    /** {@code GET /wallet/{env_id}/orders/{user_id}[?cursor=]}: the user's orders, newest first. */
    private void orders(Context ctx) {
        String envId = signed(ctx, ctx.pathParam("env_id"));
        orders(ctx, envId, user(envId, ctx.pathParam("user_id")).orElse(null));
    }

    /**
     * The orders paid from the wallets of {@code user} (a user, or an organization: then each says the member who
     * paid, {@code initiated_by}), newest first, a page at a time ({@code ?cursor=}); none when {@code user} is null.
     */
    void orders(Context ctx, String envId, User user) {
        String cursor = QueryParams.single(ctx.queryParamMap(), "cursor");
        List<String> wallets = user == null ? List.of() : ledger.wallets(envId, user.id()).stream().map(WalletSnapshot::id).toList();
        if (wallets.isEmpty()) {
            ctx.json(Map.of("orders", List.of()));
            return;
        }
        HistoryPage page = cursor == null
                ? ledger.history(envId, new HistoryQuery(wallets, Set.of(TransactionKind.PAYMENT), Set.of(), null, null, null,
                        null, null, ORDERS_PAGE))
                : ledger.historyAfter(envId, cursors.open(CursorOwner.partner(envId), CursorKind.PARTNER_ORDERS, cursor),
                        Set.copyOf(wallets)).orThrow();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", page.movements().stream().map(m -> {
            Map<String, Object> order = order(m, user);
            if (m.initiatedBy() != null) {
                order.put("initiated_by", user(envId, m.initiatedBy()).map(PartnerWalletRoutes::partnerUserId).orElse(m.initiatedBy()));
            }
            return order;
        }).toList());
        answer.put("next_cursor", cursors.seal(CursorOwner.partner(envId), CursorKind.PARTNER_ORDERS, page.next()));
        ctx.json(answer);
    }

    static IdempotencyKey key(Context ctx, String envId) {
        return IdempotencyKey.ofNullable("env:" + envId + "/partner", ctx.header(Requests.IDEMPOTENCY_KEY));
    }

    String signed(Context ctx, String envId) {
        signatures.require(ctx, envId);
        return envId;
    }

    /** For the money routes, whose {@code Idempotency-Key} replays the stored answer to a request sent again. */
    String signedRetryable(Context ctx, String envId) {
        signatures.requireRetryable(ctx, envId);
        return envId;
    }

    /** The partner's user by its own id (or Coffer's user id). */
    java.util.Optional<User> user(String envId, String userId) {
        EnvId env = new EnvId(envId);
        return tenants().userByExternalId(env, userId).or(() -> tenants().user(env, new UserId(userId)));
    }

    /** The partner's user by its own id (or Coffer's user id), created (KYC unverified) on first use. */
    User ensureUser(String envId, String userId) {
        return user(envId, userId).orElseGet(() -> tenants().ensureUser(NewUser.byExternalId(new EnvId(envId), userId,
                "User " + userId)).orThrow());
    }

    private WalletSnapshot ownWallet(String envId, User user, String walletId) {
        return ledger.wallet(envId, walletId).filter(w -> user.id().equals(w.userId()))
                .orElseThrow(() -> walletNotFound(walletId));
    }

    private static CofferException walletNotFound(String walletId) {
        return new CofferException(ErrorCode.WALLET_NOT_FOUND, "Wallet " + walletId + " was not found.",
                Map.of("wallet_id", walletId));
    }

    /** The partner's own id for a user: its external id, else Coffer's id (an organization's too). */
    static String partnerUserId(User user) {
        return user.externalId() != null ? user.externalId() : user.id();
    }

    static Map<String, Object> view(WalletSnapshot w, User user) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", w.id());
        v.put("env_id", w.envId());
        v.put("user_id", partnerUserId(user));
        v.put("balance", w.balance().postedMoney().toBigDecimal());
        v.put("available_balance", w.balance().available().toBigDecimal());
        v.put("currency", w.currency().getCurrencyCode());
        v.put("status", w.status().wireName());
        return v;
    }

    private static Map<String, Object> order(Movement m, User user) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("order_id", m.id());
        v.put("product_id", m.reference());
        v.put("user_id", partnerUserId(user));
        v.put("wallet_id", m.debitAccount());
        v.put("amount", m.amount().toBigDecimal());
        v.put("currency", m.amount().currencyCode());
        v.put("status", m.refunded().isZero() ? "paid" : m.refundable().isZero() ? "refunded" : "partially_refunded");
        v.put("description", m.description());
        v.put("created_at", m.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
        return v;
    }
}
