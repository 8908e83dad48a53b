package coffer.app.receive;

import coffer.core.error.CofferException;
import coffer.core.money.Money;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to be paid, as text a QR code carries and the Send screen reads back:
 * {@code coffer:pay?to=wal_…&email=…&amount=12.50&currency=USD&note=…}. Only {@code to}, the wallet to pay,
 * is required; the payer may change the rest. Reading is strict about what it uses (a wallet id, an email, an
 * amount valid in its currency, a short note) and ignores parameters it does not know, so a later version can
 * add some.
 *
 * @param walletId the wallet to pay ({@code wal_…})
 * @param email    its owner's email, shown to the payer; null when not shared
 * @param amount   the amount asked for; null to let the payer choose
 * @param note     what it is for; null for nothing
 */
public record PaymentRequestLink(String walletId, String email, Money amount, String note) {
    /** The longest text read: a QR code of a request is far shorter. */
    static final int MAX_TEXT = 1_024;
    static final int MAX_NOTE = 140;
    private static final String PREFIX = "coffer:pay?";
    private static final Pattern WALLET_ID = Pattern.compile("wal_[0-9A-Za-z]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{1,63}");

    public PaymentRequestLink {
        Objects.requireNonNull(walletId, "walletId");
        if (!WALLET_ID.matcher(walletId).matches()) {
            throw new IllegalArgumentException("Not a wallet id: " + walletId);
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("Not an email address: " + email);
        }
        if (amount != null && amount.isZero()) {
            throw new IllegalArgumentException("A requested amount is more than zero");
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note is at most " + MAX_NOTE + " characters");
        }
    }

    /** The text to share or to put in a QR code. */
    public String text() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("to", walletId);
        if (email != null) {
            parameters.put("email", email);
        }
        if (amount != null) {
            parameters.put("amount", amount.toDecimalString());
            parameters.put("currency", amount.currencyCode());
        }
        if (note != null) {
            parameters.put("note", note);
        }
        StringBuilder text = new StringBuilder(PREFIX);
        parameters.forEach((name, value) -> text.append(text.length() == PREFIX.length() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return text.toString();
    }

    /** The request a text carries (a scanned QR code, pasted text), or empty when it carries none that is valid. */
    public static Optional<PaymentRequestLink> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT || !trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : trimmed.substring(PREFIX.length()).split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            String value;
            try {
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (parameters.putIfAbsent(pair.substring(0, equals), value) != null) {
                return Optional.empty(); // a parameter given twice: which one the sender meant is unknown
            }
        }
        String amount = parameters.get("amount");
        String currency = parameters.get("currency");
        if ((amount == null) != (currency == null)) {
            return Optional.empty();
        }
        try {
            Money money = amount == null ? null : Money.parse(amount, currency);
            if (money != null && money.isNegative()) {
                return Optional.empty();
            }
            return Optional.of(new PaymentRequestLink(parameters.get("to"), parameters.get("email"), money,
                    parameters.get("note")));
        } catch (CofferException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
