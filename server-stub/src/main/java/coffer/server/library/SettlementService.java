package coffer.server.library;

import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.settlement.Frequency;
import coffer.server.settlement.Schedule;
import coffer.server.settlement.SettlementSchedules;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Seed 002's {@code SettlementService}: pay a wallet's balance out to a saved bank account now, or on a
 * schedule (daily, weekly, monthly, with a minimum amount) that survives restarts and never runs twice
 * for one period.
 */
public final class SettlementService {
    private final Library lib;
    private final BankService banks;

    SettlementService(Library lib, BankService banks) {
        this.lib = lib;
        this.banks = banks;
    }

    /**
     * @param scheduleType   {@code daily}, {@code weekly} or {@code monthly}
     * @param nextSettlement when it runs next
     */
    public record SettlementSchedule(String id, String scheduleType, boolean isActive, Instant nextSettlement,
                                     Money minimumAmount) {
    }

    /** Pays {@code amount} (null: the whole available balance) of the wallet out to the account. */
    public BankService.Payout createSettlement(Wallet wallet, BankService.BankAccount account, BigDecimal amount, String reason) {
        Principal p = lib.principal(wallet.userRef());
        Money money = amount == null ? null : Library.money(amount, Currencies.of(wallet.currency()));
        coffer.server.bank.BankAccount to = banks.owned(p, account);
        return BankService.view(Library.typed(() -> lib.services.settlements().settle(lib.env(), p.userId(), wallet.id(), money, to, null,
                reason == null ? "Manual settlement" : reason, null).orThrow()));
    }

    /**
     * Settles the wallet's available balance to the account every period, when it is at least
     * {@code minimumAmount}.
     */
    public SettlementSchedule createSettlementSchedule(Wallet wallet, BankService.BankAccount account, String scheduleType,
                                                       BigDecimal minimumAmount) {
        Principal p = lib.principal(wallet.userRef());
        Frequency frequency = Frequency.fromWire(scheduleType);
        if (frequency == null) {
            throw WalletException.of(ErrorCode.INVALID_REQUEST, "schedule_type must be daily, weekly or monthly, was " + scheduleType);
        }
        Money minimum = minimumAmount.signum() == 0 ? Money.zero(Currencies.of(wallet.currency()))
                : Library.money(minimumAmount, Currencies.of(wallet.currency()));
        coffer.server.bank.BankAccount to = banks.owned(p, account);
        Schedule s = Library.typed(() -> lib.services.schedules().create(lib.env(), p.userId(),
                new SettlementSchedules.NewSchedule(wallet.id(), to, frequency, minimum, null)));
        return new SettlementSchedule(s.id(), s.frequency().wire(), s.active(), s.nextSettlement(), s.minimum());
    }
}
