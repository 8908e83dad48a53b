package coffer.app.withdraw;

import coffer.app.i18n.Texts;
import coffer.core.api.BankTypes.BankAccountView;

/** A saved bank account as the screens show it: the holder's name and the last four digits. */
public record BankAccountRow(String id, String bankCode, String accountName, String last4) {
    static BankAccountRow of(BankAccountView account) {
        return new BankAccountRow(account.bankAccountId(), account.bankCode(), account.accountName(),
                account.accountNumberLast4());
    }

    /** "Alice Example — bank 044, account ending 6789", in the app's language. */
    @Override
    public String toString() {
        return Texts.text("withdraw.accountRow", accountName, bankCode, last4);
    }
}
