package coffer.server.webwallet;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.server.http.RateLimited;
import coffer.server.http.NoRateLimit;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.core.wallet.WalletStatus;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.JsonFields;
import coffer.server.http.Requests;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.topup.Topup;
import coffer.server.topup.TopupService;
import coffer.server.topup.TopupStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The browser endpoints seed 002's JavaScript calls, for a signed-in user (Bearer token): a card
 * deposit that answers the provider's {@code authorization_url}, a transfer from the user's default
 * wallet, and the verification of a deposit by its reference after the provider's redirect. The
 * default wallet is the user's oldest open one. Everything goes through the same services as the user
 * API.
 */
public record WebWalletRoutes(LedgerService ledger, TopupService topups, ReturnOrigins origins) implements HttpApi.Routes {
    public WebWalletRoutes {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(topups, "topups");
        Objects.requireNonNull(origins, "origins");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/wallet/api/wallets/default/deposit/", this::deposit, RateLimited.MONEY);
        routes.post("/wallet/api/wallets/default/transfer/", this::transfer, RateLimited.MONEY);
        routes.post("/wallet/api/transactions/verify/", this::verify,
                NoRateLimit.because("reads what the provider confirmed for the caller's own deposit"));
    }

    /**
     * {@code {amount, email?, callback_url?}} → {@code {authorization_url, reference, status}}; the
     * callback URL must be on the environment's allowed return origins, as a user API top-up's return URL.
     */
    private void deposit(Context ctx) {
        Principal p = Requests.principal(ctx);
        JsonFields body = JsonFields.read(ctx, Set.of("amount", "email", "callback_url"), false);
        WalletSnapshot wallet = defaultWallet(p);
        String callback = body.string("callback_url");
        if (callback != null) {
            origins.userChosen(p.envId(), callback, "callback_url");
        }
        Outcome<Topup> outcome = topups.create(p, new TopupRequest(wallet.id(), body.decimalText("amount"), wallet.currency().getCurrencyCode(),
                callback, false), Requests.idempotencyKey(ctx, p));
        Topup t = Requests.value(ctx, outcome);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("authorization_url", t.checkoutUrl());
        answer.put("reference", t.id());
        answer.put("status", t.status().wire());
        answer.put("amount", t.amount().toDecimalString());
        answer.put("currency", t.amount().currencyCode());
        ctx.json(answer);
    }

    /** {@code {destination_wallet_id, amount, description?}} → the movement. */
    private void transfer(Context ctx) {
        Principal p = Requests.principal(ctx);
        JsonFields body = JsonFields.read(ctx, Set.of("destination_wallet_id", "amount", "description"), false);
        WalletSnapshot from = defaultWallet(p);
        String to = Requests.required(body.string("destination_wallet_id"), "destination_wallet_id");
        Money amount = Money.parse(body.decimalText("amount"), from.currency()).requirePositive();
        String description = body.string("description");
        Movement m = Requests.value(ctx, ledger.walletToWallet(new MoveCommand(new EnvId(p.envId()),
                UserId.ofNullable(p.userId()), new WalletId(from.id()), new WalletId(to), amount,
                Memo.description(description)), Requests.idempotencyKey(ctx, p)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", m.id());
        answer.put("status", m.status().wire());
        answer.put("amount", m.amount().toDecimalString());
        answer.put("currency", m.amount().currencyCode());
        answer.put("destination_wallet_id", m.creditAccount());
        ctx.json(answer);
    }

    /**
     * {@code {reference}} → {@code {status: success | pending | failed, ...}}: what the provider
     * confirmed for the caller's deposit. The balance only ever changes on the provider's signed
     * webhook; this call reads, it never credits.
     */
    private void verify(Context ctx) {
        Principal p = Requests.principal(ctx);
        JsonFields body = JsonFields.read(ctx, Set.of("reference"), false);
        Topup t = topups.get(p, Requests.required(body.string("reference"), "reference"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", switch (t.status()) {
            case COMPLETED -> "success";
            case FAILED -> "failed";
            case PENDING -> "pending";
        });
        answer.put("reference", t.id());
        answer.put("amount", t.amount().toDecimalString());
        answer.put("currency", t.amount().currencyCode());
        answer.put("wallet_id", t.walletId());
        answer.put("transaction_id", t.transactionId());
        answer.put("gateway_response", t.failureReason() == null ? (t.status() == TopupStatus.COMPLETED ? "Approved" : null)
                : t.failureReason());
        ctx.json(answer);
    }

    private WalletSnapshot defaultWallet(Principal p) {
        return ledger.wallets(p.envId(), p.userId()).stream().filter(w -> w.status() != WalletStatus.CLOSED).findFirst()
                .orElseThrow(() -> new CofferException(ErrorCode.WALLET_NOT_FOUND, "You have no open wallet yet."));
    }
}
