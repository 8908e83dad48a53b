package coffer.app.settings;

import coffer.app.i18n.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When the window locks itself on the Settings screen: never, or after some minutes without a key or mouse input.
 *
 * @param after how long without input; {@link Duration#ZERO} for never
 */
public record IdleLockChoice(Duration after) {
    /** The times offered besides the one in use. */
    private static final List<Duration> OFFERED = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ZERO);

    public IdleLockChoice {
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("negative idle lock: " + after);
        }
    }

    /** What the picker offers: the usual times, and {@code current} among them where it is another. */
    public static List<IdleLockChoice> offered(Duration current) {
        List<Duration> times = new ArrayList<>(OFFERED);
        if (!times.contains(current)) {
            times.add(current);
        }
        times.sort((a, b) -> a.isZero() ? 1 : b.isZero() ? -1 : a.compareTo(b));
        return times.stream().map(IdleLockChoice::new).toList();
    }

    /** As the user reads it: "After 5 minutes without use", "Never". */
    @Override
    public String toString() {
        if (after.isZero()) {
            return Texts.text("settings.idleLock.never");
        }
        BigDecimal minutes = BigDecimal.valueOf(after.toSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return minutes.compareTo(BigDecimal.ONE) == 0 ? Texts.text("settings.idleLock.minute")
                : Texts.text("settings.idleLock.minutes", NumberFormat.getNumberInstance(Texts.locale()).format(minutes));
    }
}
