package coffer.server.ledger.engine;

import coffer.core.kyc.KycTier;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.Balance;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.ledger.WalletSnapshot;

import java.util.Currency;

/** An account row as the writer holds it during one batch; tasks change it only after all checks pass. */
public final class AccountState {
    public final String id;
    public final String envId;
    public final String userId;
    public final AccountKind kind;
    public final Currency currency;
    public WalletStatus status;
    /** Who set {@link #status}: a restriction stands against weaker actors; null for a wallet nobody changed. */
    public StatusActor statusSetBy;
    public Balance balance;
    /** The owner's KYC tier; null for system accounts. */
    public KycTier tier;
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

    public boolean isUserWallet() {
        return kind == AccountKind.USER_WALLET;
    }

    public WalletSnapshot toWallet() {
        return new WalletSnapshot(id, envId, userId, kind, currency, status, balance);
    }
}
