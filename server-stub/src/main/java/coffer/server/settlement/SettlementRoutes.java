package coffer.server.settlement;

import coffer.server.http.RateLimited;
import coffer.server.http.NoRateLimit;
import coffer.core.api.SettlementTypes.ScheduleList;
import coffer.core.api.SettlementTypes.ScheduleRequest;
import coffer.core.api.SettlementTypes.ScheduleView;
import coffer.core.api.SettlementTypes.SettlementList;
import coffer.core.api.SettlementTypes.SettlementRequest;
import coffer.core.api.SettlementTypes.SettlementView;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.bank.BankAccount;
import coffer.server.bank.BankAccountService;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.withdrawal.Payout;
import coffer.server.withdrawal.PayoutKind;
import coffer.server.withdrawal.PayoutText;
import coffer.server.withdrawal.Payouts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Currency;
import java.util.Map;

/**
 * {@code /api/v1/settlements} (seed 002's "create settlement": a wallet's balance, or an amount, paid
 * out to a saved bank account) and {@code /api/v1/settlement-schedules} (seed 002's
 * "create settlement schedule"). Another user's settlement or schedule is NOT_FOUND.
 */
public record SettlementRoutes(Settlements settlements, SettlementSchedules schedules, Payouts payouts,
                               BankAccountService bankAccounts, CursorSeal cursors) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/settlements", this::settle, RateLimited.MONEY);
        routes.get("/api/v1/settlements", this::list);
        routes.get("/api/v1/settlements/{id}", this::get);
        routes.post("/api/v1/settlement-schedules", this::createSchedule, RateLimited.MONEY);
        routes.get("/api/v1/settlement-schedules", this::listSchedules);
        routes.delete("/api/v1/settlement-schedules/{id}", this::deactivate,
                NoRateLimit.because("stops one of the caller's schedules; moves nothing"));
    }

    private void settle(Context ctx) {
        Principal p = Requests.principal(ctx);
        SettlementRequest r = Requests.body(ctx, SettlementRequest.class);
        String walletId = Requests.required(r.walletId(), "wallet_id");
        Money amount = r.amount() == null ? null : Requests.positiveAmount(r.amount(), r.currency());
        if (amount == null && r.currency() != null) {
            requireWalletCurrency(settlements.ownWallet(p.envId(), p.userId(), walletId), Currencies.of(r.currency()));
        }
        String reason = PayoutText.description(r.reason());
        BankAccount to = bankAccounts.owned(p, Requests.required(r.bankAccountId(), "bank_account_id"));
        Requests.answer(ctx, 201, settlements.settle(p.envId(), p.userId(), walletId, amount, to, null, reason,
                Requests.idempotencyKey(ctx, p)), SettlementRoutes::view);
    }

    private void list(Context ctx) {
        PayoutText.Page page = PayoutText.page(payouts, cursors, ctx, Requests.principal(ctx), PayoutKind.SETTLEMENT);
        ctx.json(new SettlementList(page.payouts().stream().map(SettlementRoutes::view).toList(), page.nextCursor()));
    }

    private void get(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(view(payouts.owned(p.envId(), p.userId(), PayoutKind.SETTLEMENT, ctx.pathParam("id"))));
    }

    private void createSchedule(Context ctx) {
        Principal p = Requests.principal(ctx);
        ScheduleRequest r = Requests.body(ctx, ScheduleRequest.class);
        String walletId = Requests.required(r.walletId(), "wallet_id");
        String bankAccountId = Requests.required(r.bankAccountId(), "bank_account_id");
        Frequency frequency = Frequency.fromWire(Requests.required(r.frequency(), "frequency"));
        if (frequency == null) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'frequency' must be daily, weekly or monthly.",
                    Map.of("field", "frequency"));
        }
        WalletSnapshot wallet = settlements.ownWallet(p.envId(), p.userId(), walletId);
        Currency currency = wallet.currency();
        if (r.currency() != null) {
            requireWalletCurrency(wallet, Currencies.of(r.currency()));
        }
        Money minimum = Money.parse(Requests.required(r.minimumAmount(), "minimum_amount"), currency);
        if (minimum.isNegative()) {
            throw new CofferException(ErrorCode.INVALID_AMOUNT, "'minimum_amount' must not be negative.",
                    Map.of("field", "minimum_amount"));
        }
        Money amount = r.amount() == null ? null : Money.parse(r.amount(), currency).requirePositive();
        BankAccount to = bankAccounts.owned(p, bankAccountId);
        Schedule s = schedules.create(p.envId(), p.userId(),
                new SettlementSchedules.NewSchedule(walletId, to, frequency, minimum, amount));
        ctx.status(201).json(view(s));
    }

    private void listSchedules(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(new ScheduleList(schedules.list(p.envId(), p.userId()).stream().map(SettlementRoutes::view).toList()));
    }

    private void deactivate(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(view(schedules.deactivate(p.envId(), p.userId(), ctx.pathParam("id"))));
    }

    private static void requireWalletCurrency(WalletSnapshot wallet, Currency asked) {
        String held = wallet.currency().getCurrencyCode();
        if (!wallet.currency().equals(asked)) {
            throw new CofferException(ErrorCode.CURRENCY_MISMATCH, "The wallet holds " + held + " but the request is in "
                    + asked.getCurrencyCode() + ".", Map.of("expected", held, "actual", asked.getCurrencyCode()));
        }
    }

    private static SettlementView view(Payout p) {
        return new SettlementView(p.id(), p.id(), p.status().wire(), p.amount().toDecimalString(), p.amount().currencyCode(),
                p.walletId(), p.bankAccountId(), p.scheduleId(), p.transactionId(), p.description(), p.failureReason(),
                p.createdAt().toString(), p.finishedAt() == null ? null : p.finishedAt().toString());
    }

    private static ScheduleView view(Schedule s) {
        return new ScheduleView(s.id(), s.frequency().wire(), s.active(),
                s.nextSettlement() == null ? null : s.nextSettlement().toString(), s.walletId(), s.bankAccountId(),
                s.minimum().toDecimalString(), s.amount() == null ? null : s.amount().toDecimalString(),
                s.minimum().currencyCode(), s.lastRunAt() == null ? null : s.lastRunAt().toString(), s.lastOutcome(),
                s.createdAt().toString());
    }
}
