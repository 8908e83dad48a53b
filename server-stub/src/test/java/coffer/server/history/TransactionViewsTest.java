package coffer.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Times in the views are written as {@link Instant#toString()} writes them, whichever way they are made. */
class TransactionViewsTest {
    @Test
    void aTimeReadsExactlyAsInstantWritesIt() {
        // the ledger's whole milliseconds and everything else, from before 1970 to past the year 9999
        qt().withExamples(20_000)
                .forAll(longs().between(-100_000_000_000L, 400_000_000_000L), integers().between(0, 999_999_999),
                        integers().between(0, 3))
                .checkAssert((seconds, nanos, precision) -> {
                    Instant t = Instant.ofEpochSecond(seconds, truncated(nanos, precision));
                    assertThat(TransactionViews.timeWriter().apply(t)).isEqualTo(t.toString());
                });
    }

    @Test
    void aPageOfTimesInTheSameFewSecondsReadsAsInstantWritesEach() {
        // one writer for a whole page, as a page is written: times close together, repeated, and back and forth
        qt().withExamples(500)
                .forAll(longs().between(0, 253_402_300_000L), lists().of(integers().between(-2_500, 2_500)).ofSizeBetween(1, 200),
                        integers().between(0, 3))
                .checkAssert((start, offsetsMillis, precision) -> {
                    Function<Instant, String> writer = TransactionViews.timeWriter();
                    for (int offset : offsetsMillis) {
                        Instant t = Instant.ofEpochSecond(start).plusMillis(offset);
                        t = Instant.ofEpochSecond(t.getEpochSecond(), truncated(t.getNano() + Math.floorMod(offset, 1000), precision));
                        assertThat(writer.apply(t)).isEqualTo(t.toString());
                    }
                });
    }

    private static int truncated(int nanos, int precision) {
        int n = nanos % 1_000_000_000;
        return switch (precision) {
            case 0 -> 0;
            case 1 -> n / 1_000_000 * 1_000_000;
            case 2 -> n / 1_000 * 1_000;
            default -> n;
        };
    }

    @Test
    void theEdgesOfTheShortFormReadAsInstantWritesThem() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.100Z"}) {
            Instant t = Instant.parse(text);
            assertThat(TransactionViews.timeWriter().apply(t)).isEqualTo(t.toString()).isEqualTo(text);
        }
        assertThat(TransactionViews.timeWriter().apply(null)).isNull();
    }
}
