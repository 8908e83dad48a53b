package coffer.core.signature;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]} value that both signature headers share.
 * Immutable.
 *
 * <p>Parsing never quotes the header back in a message: a caller that sends a raw secret as the
 * header value would otherwise see it echoed into logs and error bodies.
 */
final class SignatureHeader {
    /** Largest timestamp a header may carry; eighteen digits always fit in a {@code long}. */
    static final long MAX_TIMESTAMP = 999_999_999_999_999_999L;

    /** Far above any honest header (a timestamp and a few rotated signatures), so parsing stays cheap. */
    static final int MAX_LENGTH = 4096;

    static final String MALFORMED = "malformed_header";

    private static final String EXPECTED_SHAPE = " (expected t=<unix seconds>,v1=<hex HMAC-SHA256>)";
    private static final int MAX_TIMESTAMP_DIGITS = 18;
    private static final int SIGNATURE_HEX_DIGITS = Hmac.MAC_BYTES * 2;

    private final long timestamp;
    private final List<byte[]> signatures;

    private SignatureHeader(long timestamp, List<byte[]> signatures) {
        this.timestamp = timestamp;
        this.signatures = signatures;
    }

    /** The signing time in unix seconds, never negative. */
    long timestamp() {
        return timestamp;
    }

    /** The decoded v1 signatures, at least one, each {@link Hmac#MAC_BYTES} long; unmodifiable. */
    List<byte[]> signatures() {
        return signatures;
    }

    /** The header value for a timestamp and the hex signatures made for it, with no spaces. */
    static String format(long timestamp, List<String> hexSignatures) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String signature : hexSignatures) {
            header.append(",v1=").append(signature);
        }
        return header.toString();
    }

    /** Refuses a signing time that a header could not carry. */
    static void requireTimestamp(long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("signing time must be between 0 and "
                    + MAX_TIMESTAMP + " unix seconds, got " + epochSeconds);
        }
    }

    /**
     * Reads a header value. Spaces after commas are allowed; keys other than {@code t} and
     * {@code v1} are ignored so that a later scheme can be sent alongside this one.
     *
     * @param header the header value, or null when the request had none
     * @return the parsed header, or {@link ErrorCode#INVALID_SIGNATURE} saying what is malformed
     */
    static Result<SignatureHeader> parse(String header) {
        if (header == null) {
            return malformed("Signature header is missing");
        }
        if (header.length() > MAX_LENGTH) {
            return malformed("Malformed signature header: longer than " + MAX_LENGTH + " characters");
        }
        if (header.isBlank()) {
            return malformed("Malformed signature header: it is empty" + EXPECTED_SHAPE);
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            String pair = element.strip();
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return malformed("Malformed signature header: not a list of key=value pairs" + EXPECTED_SHAPE);
            }
            String key = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (key.equals("t")) {
                if (timestamp != null) {
                    return malformed("Malformed signature header: t is given more than once");
                }
                if (!isUnixSeconds(value)) {
                    return malformed("Malformed signature header: t is not a whole number of unix seconds");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (!isLowercaseHex(value, SIGNATURE_HEX_DIGITS)) {
                    return malformed("Malformed signature header: v1 is not " + SIGNATURE_HEX_DIGITS
                            + " lowercase hex digits");
                }
                signatures.add(Hmac.unhex(value));
            }
        }
        if (timestamp == null) {
            return malformed("Malformed signature header: no t= timestamp" + EXPECTED_SHAPE);
        }
        if (signatures.isEmpty()) {
            return malformed("Malformed signature header: no v1= signature" + EXPECTED_SHAPE);
        }
        return Result.ok(new SignatureHeader(timestamp, List.copyOf(signatures)));
    }

    /** Digits only, no sign, no leading zero, so each timestamp has one spelling in the signed text. */
    private static boolean isUnixSeconds(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_TIMESTAMP_DIGITS || (length > 1 && value.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowercaseHex(String value, int digits) {
        if (value.length() != digits) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static Result<SignatureHeader> malformed(String message) {
        return Result.rejected(ErrorCode.INVALID_SIGNATURE, message, Map.of("reason", MALFORMED));
    }
}
