package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stored form of the server's times is the same however it is reached. */
class FixedTimeTest {
    @Test
    void theServersTextIsStoredAsItsInstantWouldBe() {
        Random random = new Random(8);
        for (int i = 0; i < 50_000; i++) {
            // from year 0 to past 9999, at every precision Instant.toString writes
            long seconds = -62_167_219_200L + (long) (random.nextDouble() * 315_537_897_600L);
            int nanos = random.nextInt(1_000_000_000);
            int n = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> nanos / 1_000_000 * 1_000_000;
                case 2 -> nanos / 1_000 * 1_000;
                default -> nanos;
            };
            Instant t = Instant.ofEpochSecond(seconds, n);
            assertThat(FixedTime.ofText(t.toString())).as(t.toString()).isEqualTo(FixedTime.of(t));
        }
    }

    @Test
    void otherValidShapesAndTheEdgesOfTheCalendarMeanTheSame() {
        for (String text : new String[] {"2026-12-02T05:34:46.5Z", "2026-12-02T05:34:46.12345678Z", "2024-02-29T23:59:59Z",
                "2026-12-31T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
                "2026-12-02T06:34:46+01:00", "2026-12-02T05:34:46.Z", "2026-12-02T24:00:00Z"}) {
            assertThat(FixedTime.ofText(text)).as(text).isEqualTo(FixedTime.of(Instant.parse(text)));
        }
    }

    @Test
    void textThatIsNoInstantIsRefusedAsBefore() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-12-02T05:60:00Z", "2026-12-02 05:34:46Z", "2026-12-02T05:34:46.1234567890Z",
                "2026-12-0xT05:34:46Z", "202612-02T05:34:46Z", "2026-12-02T05:34:46", "", "yesterday"}) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> FixedTime.ofText(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
