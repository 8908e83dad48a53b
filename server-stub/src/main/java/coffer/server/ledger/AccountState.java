package coffer.server.ledger;

import coffer.core.kyc.KycTier;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.Balance;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;

import java.util.Currency;

/** An account row as the writer holds it during one batch; tasks change it only after all checks pass. */
final class AccountState {
    final String id;
    final String envId;
    final String userId;
    final AccountKind kind;
    final Currency currency;
    WalletStatus status;
    /** Who set {@link #status}: a restriction stands against weaker actors; null for a wallet nobody changed. */
    StatusActor statusSetBy;
    Balance balance;
    /** The owner's KYC tier; null for system accounts. */
    KycTier tier;
    /** What the wallet held (posted plus expected credits) as loaded, before any task of the batch changed it. */
    final long heldAtLoad;
    boolean dirty;

    AccountState(String id, String envId, String userId, AccountKind kind, Currency currency,
                 WalletStatus status, Balance balance, KycTier tier) {
        this.id = id;
        this.envId = envId;
        this.userId = userId;
        this.kind = kind;
        this.currency = currency;
        this.status = status;
        this.balance = balance;
        this.tier = tier;
        this.heldAtLoad = Math.addExact(balance.posted(), balance.pendingCredits());
    }

    boolean isUserWallet() {
        return kind == AccountKind.USER_WALLET;
    }

    WalletSnapshot toWallet() {
        return new WalletSnapshot(id, envId, userId, kind, currency, status, balance);
    }
}
