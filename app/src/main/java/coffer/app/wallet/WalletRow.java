package coffer.app.wallet;

import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.wallet.WalletStatus;

/**
 * One wallet as the screens show it; amounts are already formatted, {@code available} is kept exact
 * for validation.
 *
 * @param status    as the API says it ({@code locked}); {@link #statusName()} is how the user reads it
 * @param leftToday what today's limit still allows, formatted; empty when the limit is in another currency
 */
public record WalletRow(String id, String currency, String availableDecimal, String available, String pending,
                        String posted, String status, String leftToday) {

    public static WalletRow of(AccountView a, String leftToday) {
        return new WalletRow(a.id(), a.currency(), a.availableBalance(),
                Amounts.format(a.availableBalance(), a.currency()), Amounts.format(a.pendingBalance(), a.currency()),
                Amounts.format(a.balance(), a.currency()), a.status(), leftToday);
    }

    public static WalletRow of(AccountView a) {
        return of(a, "");
    }

    public boolean locked() {
        return WalletStatus.LOCKED.wireName().equals(status);
    }

    /** The status in the user's language: "Locked". */
    public String statusName() {
        return Names.walletStatus(status);
    }

    /** How a wallet is named in pickers: "USD wallet — 1,000.00 USD available". */
    @Override
    public String toString() {
        return Texts.text("wallets.choice", currency, available);
    }
}
