package coffer.server.ledger;

import coffer.core.money.Money;

/**
 * Money between a wallet and one of the environment's own accounts (the provider's clearing, the
 * merchant, escrow or fees account): which one, and which way the money goes, is the operation's
 * ({@code LedgerService.deposit}, {@code withdraw}, {@code pay}, {@code releaseFromEscrow}, {@code collectFee}).
 *
 * @param actingUser when a user asks, the wallet must be theirs; null for a partner or the server
 * @param wallet     the user's wallet (for a fee, the escrow account may stand in)
 */
public record SystemMoveCommand(EnvId env, UserId actingUser, WalletId wallet, Money amount, Memo memo) {
    public SystemMoveCommand {
        // the movement's order checks the ids and the amount
        memo = memo == null ? Memo.NONE : memo;
    }

    /** A command no user makes: the partner's, the operator's or the server's own. */
    public static SystemMoveCommand of(EnvId env, WalletId wallet, Money amount, Memo memo) {
        return new SystemMoveCommand(env, null, wallet, amount, memo);
    }
}
