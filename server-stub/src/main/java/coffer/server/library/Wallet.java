package coffer.server.library;

import coffer.core.money.Money;
import coffer.core.wallet.WalletStatus;

/**
 * A user's wallet as it was when read: ask {@link WalletService#getBalance} or {@link WalletService#getWallet}
 * again for a fresh view.
 *
 * @param userRef   the embedding application's id for the user
 * @param balance   posted balance
 * @param available what can be spent now: posted minus held
 */
public record Wallet(String id, String userRef, String currency, Money balance, Money available, WalletStatus status) {
}
