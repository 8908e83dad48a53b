package coffer.app.local;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the local database stores them: UTC, fixed width, nanoseconds ({@code 2026-12-02T05:34:46.387000000Z}),
 * so that text order is time order.
 */
final class FixedTime {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** {@code uuuu-MM-ddTHH:mm:ss}: the part of the server's text that is already fixed width. */
    private static final int SECONDS_END = 19;

    private FixedTime() {
    }

    static String of(Instant instant) {
        return FIXED.format(instant);
    }

    /**
     * The stored form of an ISO-8601 instant as the server writes it ({@link Instant#toString()}), the same as
     * {@code of(Instant.parse(text))}. A sync page carries thousands, so the common shape — four-digit year,
     * up to nine digits of fraction, {@code Z} — is padded in place instead of parsed and formatted again;
     * any other text takes the general path, and an invalid one is refused there.
     */
    static String ofText(String text) {
        int fractionDigits = text.length() - SECONDS_END - 2;
        boolean common = text.length() == SECONDS_END + 1
                || fractionDigits >= 1 && fractionDigits <= 9 && text.charAt(SECONDS_END) == '.';
        if (!common || text.charAt(text.length() - 1) != 'Z' || !validCalendarText(text)) {
            return of(Instant.parse(text));
        }
        StringBuilder s = new StringBuilder(30).append(text, 0, SECONDS_END).append('.');
        if (fractionDigits > 0) {
            s.append(text, SECONDS_END + 1, text.length() - 1);
        }
        for (int i = Math.max(fractionDigits, 0); i < 9; i++) {
            s.append('0');
        }
        return s.append('Z').toString();
    }

    /** {@code uuuu-MM-ddTHH:mm:ss} naming a real date and time, and digits only in the fraction. */
    private static boolean validCalendarText(String t) {
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            char separator = switch (i) {
                case 4, 7 -> '-';
                case 10 -> 'T';
                case 13, 16 -> ':';
                case SECONDS_END -> '.';
                default -> 0;
            };
            if (separator != 0 ? c != separator : c < '0' || c > '9') {
                return false;
            }
        }
        try {
            LocalDateTime.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10), number(t, 11, 13), number(t, 14, 16),
                    number(t, 17, 19));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int number(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + t.charAt(i) - '0';
        }
        return n;
    }
}
