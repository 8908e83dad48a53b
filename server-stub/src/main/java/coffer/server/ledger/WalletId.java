package coffer.server.ledger;

import java.util.Objects;

/** An account's id: a user's wallet, or one of the environment's system accounts ({@code LedgerService.systemAccount}). */
public record WalletId(String value) {
    public WalletId {
        Objects.requireNonNull(value, "wallet id");
    }
}
