package coffer.server.settlement;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.bank.BankAccount;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.withdrawal.Payout;
import coffer.server.withdrawal.PayoutKind;
import coffer.server.withdrawal.Payouts;

import java.util.Map;
import java.util.Objects;

/**
 * Settlements (seed 002's "create settlement"): a wallet's available balance, or a given amount, paid
 * out to a saved bank account through the same hold → payout → capture/void machinery as withdrawals
 * ({@link Payouts}), with ledger movements of kind {@code settlement}.
 */
public final class Settlements {
    private final LedgerService ledger;
    private final Payouts payouts;

    public Settlements(LedgerService ledger, Payouts payouts) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.payouts = Objects.requireNonNull(payouts, "payouts");
    }

    /**
     * Settles {@code amount} (null: the whole available balance) of the user's wallet to {@code to}.
     *
     * @throws CofferException WALLET_NOT_FOUND for a wallet not the user's; INSUFFICIENT_BALANCE when there is nothing to settle
     */
    public Outcome<Payout> settle(String envId, String userId, String walletId, Money amount, BankAccount to,
                                  String scheduleId, String description, IdempotencyKey key) {
        Money settled = amount != null ? amount : available(envId, userId, walletId);
        return payouts.start(new Payouts.Order(PayoutKind.SETTLEMENT, envId, userId, walletId, settled, to, scheduleId,
                description == null ? "Settlement" : description, null, key));
    }

    /** PROVIDER_UNAVAILABLE when this server has no payment provider to pay settlements out through. */
    void requireProvider() {
        payouts.requireProvider();
    }

    /** The user's wallet; WALLET_NOT_FOUND for another user's or an unknown wallet. */
    WalletSnapshot ownWallet(String envId, String userId, String walletId) {
        return ledger.wallet(envId, walletId).filter(w -> userId.equals(w.userId()))
                .orElseThrow(() -> new CofferException(ErrorCode.WALLET_NOT_FOUND, "Wallet " + walletId + " was not found.",
                        Map.of("wallet_id", String.valueOf(walletId))));
    }

    private Money available(String envId, String userId, String walletId) {
        Money available = ownWallet(envId, userId, walletId).balance().available();
        if (!available.isPositive()) {
            throw new CofferException(ErrorCode.INSUFFICIENT_BALANCE, "The wallet has no available balance to settle.",
                    Map.of("wallet_id", walletId, "available", available.toDecimalString()));
        }
        return available;
    }
}
