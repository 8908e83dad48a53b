package coffer.app.topup;

/** A saved card as the screens show it: never its number. */
public record CardRow(String id, String brand, String last4, int expMonth, int expYear) {
    @Override
    public String toString() {
        return brand + " ending " + last4 + String.format(" (expires %02d/%02d)", expMonth, expYear % 100);
    }
}
