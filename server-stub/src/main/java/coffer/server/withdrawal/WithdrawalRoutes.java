package coffer.server.withdrawal;

import coffer.server.http.RateLimited;
import coffer.core.api.WithdrawalTypes.WithdrawalList;
import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.api.WithdrawalTypes.WithdrawalView;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.bank.BankAccount;
import coffer.server.bank.BankAccountService;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.redirect.ReturnPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URI;

/**
 * {@code /api/v1/withdrawals}: money out of a wallet to a saved bank account, or (without
 * {@code bank_account_id}) through the provider's payout page, whose {@code url} the answer carries
 * (seed 000). Every member of the organization whose wallet a withdrawal came from reads it; anyone else's is
 * NOT_FOUND. A member's withdrawal from an organization's wallet above
 * its approval threshold waits ({@code pending_approval}) until another owner or admin approves or rejects it.
 */
public record WithdrawalRoutes(Payouts payouts, BankAccountService bankAccounts, ReturnOrigins origins,
                               CursorSeal cursors) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/withdrawals", this::create, RateLimited.MONEY);
        routes.get("/api/v1/withdrawals", this::list);
        routes.get("/api/v1/withdrawals/{id}", this::get);
        routes.post("/api/v1/withdrawals/{id}/approve", ctx -> decide(ctx, true), RateLimited.MONEY);
        routes.post("/api/v1/withdrawals/{id}/reject", ctx -> decide(ctx, false), RateLimited.MONEY);
        new ReturnPage(ReturnPage.Kind.WITHDRAWAL, id -> payouts.payout(id).filter(p -> p.kind() == PayoutKind.WITHDRAWAL)
                .map(WithdrawalRoutes::returnOutcome)).register(routes);
    }

    private void create(Context ctx) {
        Principal p = Requests.principal(ctx);
        WithdrawalRequest r = Requests.body(ctx, WithdrawalRequest.class);
        String walletId = Requests.required(r.walletId(), "wallet_id");
        Money amount = Requests.positiveAmount(r.amount(), r.currency());
        String description = PayoutText.description(r.description());
        URI returnUrl = r.returnUrl() == null ? null : origins.userChosen(p.envId(), r.returnUrl(), "return_url");
        BankAccount to = r.bankAccountId() == null ? null : bankAccounts.owned(p, r.bankAccountId());
        Requests.answer(ctx, 201, payouts.start(new Payouts.Order(PayoutKind.WITHDRAWAL, p.envId(), p.userId(), walletId,
                amount, to, null, description, returnUrl, Requests.idempotencyKey(ctx, p))), WithdrawalRoutes::view);
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        PayoutText.Page page = PayoutText.page(payouts, cursors, ctx, p, PayoutKind.WITHDRAWAL);
        ctx.json(new WithdrawalList(page.payouts().stream().map(WithdrawalRoutes::view).toList(), page.nextCursor()));
    }

    private void get(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(view(payouts.withdrawal(p.envId(), p.userId(), ctx.pathParam("id"))));
    }

    /** An owner's or admin's decision on a withdrawal from an organization's wallet awaiting approval. */
    private void decide(Context ctx, boolean approve) {
        Principal p = Requests.principal(ctx);
        Requests.answer(ctx, 200, payouts.decide(p.envId(), p.userId(), ctx.pathParam("id"), approve,
                Requests.idempotencyKey(ctx, p), bankAccounts::byId), WithdrawalRoutes::view);
    }

    private static WithdrawalView view(Payout p) {
        return new WithdrawalView(p.id(), p.statusWire(), p.url(), p.walletId(), p.amount().toDecimalString(),
                p.amount().currencyCode(), p.bankAccountId(), p.transactionId(), p.description(), p.failureReason(),
                p.createdAt().toString(), p.finishedAt() == null ? null : p.finishedAt().toString());
    }

    /** What the return page says of a withdrawal: succeeded, failed or pending. */
    private static ReturnPage.Outcome returnOutcome(Payout p) {
        String close = " You can close this page.";
        return switch (p.status()) {
            case SUCCEEDED -> new ReturnPage.Outcome("succeeded", "The bank confirmed the withdrawal; your balance shows it."
                    + close, false);
            case FAILED -> new ReturnPage.Outcome("failed", "The withdrawal failed and the money is back in your wallet." + close,
                    false);
            case PENDING -> new ReturnPage.Outcome("pending", "Your withdrawal is on its way." + close
                    + " Your balance updates once the bank confirms it.", false);
        };
    }
}
