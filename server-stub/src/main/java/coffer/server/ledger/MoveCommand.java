package coffer.server.ledger;

import coffer.core.money.Money;

/**
 * Money from one wallet to another: a P2P payment between two users, or a transfer between one user's
 * own wallets.
 *
 * @param actingUser when a user asks, {@code from} must be theirs; null for a partner or the operator
 */
public record MoveCommand(EnvId env, UserId actingUser, WalletId from, WalletId to, Money amount, Memo memo) {
    public MoveCommand {
        // the movement's order checks the ids and the amount
        memo = memo == null ? Memo.NONE : memo;
    }
}
