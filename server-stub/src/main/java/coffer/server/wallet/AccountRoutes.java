package coffer.server.wallet;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.WalletStatusChange;
import coffer.server.http.NoRateLimit;
import coffer.core.api.AccountTypes.AccountList;
import coffer.core.api.AccountTypes.AccountResponse;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.AccountTypes.OpenAccountRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.WalletSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;

/**
 * {@code /api/v1/accounts}: the caller's wallets — list, one with its balances, open another
 * currency, lock, unlock, close (only at zero). Another user's wallet is WALLET_NOT_FOUND, never data.
 */
public record AccountRoutes(LedgerService ledger) implements HttpApi.Routes {
    private static final NoRateLimit OWN_STATUS = NoRateLimit.because("changes the status of a wallet the caller owns or"
            + " manages; moves no money");

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/accounts", this::list);
        routes.post("/api/v1/accounts", this::open, NoRateLimit.because("opens an empty wallet for the caller"));
        routes.get("/api/v1/accounts/{id}", this::get);
        routes.post("/api/v1/accounts/{id}/lock", ctx -> status(ctx, WalletStatus.LOCKED), OWN_STATUS);
        routes.post("/api/v1/accounts/{id}/unlock", ctx -> status(ctx, WalletStatus.ACTIVE), OWN_STATUS);
        routes.post("/api/v1/accounts/{id}/close", ctx -> status(ctx, WalletStatus.CLOSED), OWN_STATUS);
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(new AccountList(ledger.walletsVisibleTo(p.envId(), p.userId()).stream().map(AccountRoutes::view).toList()));
    }

    private void open(Context ctx) {
        Principal p = Requests.principal(ctx);
        OpenAccountRequest r = Requests.body(ctx, OpenAccountRequest.class);
        var currency = Currencies.of(Requests.required(r.currency(), "currency"));
        boolean additional = Boolean.TRUE.equals(r.additional());
        boolean existed = !additional && ledger.wallets(p.envId(), p.userId()).stream()
                .anyMatch(w -> w.currency().equals(currency) && w.status() != WalletStatus.CLOSED);
        EnvId env = new EnvId(p.envId());
        UserId user = new UserId(p.userId());
        WalletSnapshot wallet = ledger.openWallet(additional ? NewWallet.additional(env, user, currency)
                : NewWallet.inCurrency(env, user, currency)).orThrow();
        ctx.status(existed ? 200 : 201).json(new AccountResponse(view(wallet)));
    }

    private void get(Context ctx) {
        ctx.json(new AccountResponse(view(visible(ctx, ledger, ctx.pathParam("id")))));
    }

    /**
     * Locks, unlocks or closes a wallet: the caller's own, or (lock and unlock) an organization's they own or
     * administer; the ledger says which role may what, and answers WALLET_NOT_FOUND to anyone who may not see it.
     */
    private void status(Context ctx, WalletStatus status) {
        Principal p = Requests.principal(ctx);
        WalletSnapshot wallet = visible(ctx, ledger, ctx.pathParam("id"));
        WalletSnapshot changed = ledger.setWalletStatus(new WalletStatusChange(new EnvId(p.envId()),
                UserId.ofNullable(p.userId()), new WalletId(wallet.id()), status, StatusActor.USER,
                "requested by the user")).orThrow();
        ctx.json(new AccountResponse(view(changed)));
    }

    /** A wallet the caller sees: their own, or one of an organization they are a member of; else WALLET_NOT_FOUND. */
    private static WalletSnapshot visible(Context ctx, LedgerService ledger, String id) {
        Principal p = Requests.principal(ctx);
        return ledger.wallet(p.envId(), id)
                .filter(w -> p.userId().equals(w.userId())
                        || w.organizationId() != null && ledger.memberRole(w.organizationId(), p.userId()).isPresent())
                .orElseThrow(() -> notFound(id));
    }

    private static CofferException notFound(String id) {
        return new CofferException(ErrorCode.WALLET_NOT_FOUND, "Wallet " + id + " was not found.", Map.of("wallet_id", id));
    }

    /** A wallet as the user API shows it; an organization's says which. */
    public static AccountView view(WalletSnapshot w) {
        return new AccountView(w.id(), w.currency().getCurrencyCode(), w.balance().postedMoney().toDecimalString(),
                w.balance().available().toDecimalString(), w.balance().pendingMoney().toDecimalString(),
                w.status().wireName(), w.organizationId());
    }
}
