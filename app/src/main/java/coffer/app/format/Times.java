package coffer.app.format;

import coffer.app.i18n.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Instants as the user reads them: in the user's time zone and in the locale of {@link Texts#formatLocale()}
 * ("Dec 2, 2026, 3:04:05 PM" or "2 dic 2026, 15:04:05"). The API's instants are UTC text; nothing on screen is.
 */
public final class Times {
    private Times() {
    }

    /** Date and time to the second, in {@code zone}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : formatter(FormatStyle.MEDIUM, true).withZone(zone).format(instant);
    }

    /** Date and time in the system's time zone. */
    public static String dateTime(Instant instant) {
        return dateTime(instant, ZoneId.systemDefault());
    }

    /** An API instant ("2026-12-02T14:03:05.123Z") as date and time in the system's time zone; "" for null. */
    public static String dateTime(String apiInstant) {
        return apiInstant == null || apiInstant.isBlank() ? "" : dateTime(Instant.parse(apiInstant));
    }

    /** The time of day to the second, in {@code zone}. */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : formatter(FormatStyle.MEDIUM, false).withZone(zone).format(instant);
    }

    /** The date alone, in {@code zone}. */
    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Texts.formatLocale()).withZone(zone)
                        .format(instant);
    }

    private static DateTimeFormatter formatter(FormatStyle style, boolean withDate) {
        DateTimeFormatter f = withDate ? DateTimeFormatter.ofLocalizedDateTime(style) : DateTimeFormatter.ofLocalizedTime(style);
        return f.withLocale(Texts.formatLocale());
    }
}
