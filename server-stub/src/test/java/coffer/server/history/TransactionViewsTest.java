package coffer.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
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
                    int n = switch (precision) {
                        case 0 -> 0;
                        case 1 -> nanos / 1_000_000 * 1_000_000;
                        case 2 -> nanos / 1_000 * 1_000;
                        default -> nanos;
                    };
                    Instant t = Instant.ofEpochSecond(seconds, n);
                    assertThat(TransactionViews.text(t)).isEqualTo(t.toString());
                });
    }

    @Test
    void theEdgesOfTheShortFormReadAsInstantWritesThem() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.100Z"}) {
            Instant t = Instant.parse(text);
            assertThat(TransactionViews.text(t)).isEqualTo(t.toString()).isEqualTo(text);
        }
        assertThat(TransactionViews.text(null)).isNull();
    }
}
