package coffer.server.ledger;

import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * Reserve money for a two-phase movement of {@code kind} from a wallet to an account, until
 * {@code expiresAt}; then capture, void, or let it expire.
 *
 * @param actingUser when a user asks, the wallet must be theirs; null for a partner or the server
 * @param to         a wallet, or a system account ({@code LedgerService.systemAccount})
 */
public record HoldCommand(EnvId env, UserId actingUser, TransactionKind kind, WalletId from, WalletId to, Money amount,
                          Instant expiresAt, Memo memo) {
    public HoldCommand {
        // the movement's order checks the ids and the amount; what only a hold has is checked here
        Objects.requireNonNull(expiresAt, "expiresAt");
        memo = memo == null ? Memo.NONE : memo;
    }
}
