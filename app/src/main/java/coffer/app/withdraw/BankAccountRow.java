package coffer.app.withdraw;

/** A saved bank account as the screens show it: the holder's name and the last four digits. */
public record BankAccountRow(String id, String bankCode, String accountName, String last4) {
    @Override
    public String toString() {
        return accountName + " — bank " + bankCode + ", account ending " + last4;
    }
}
