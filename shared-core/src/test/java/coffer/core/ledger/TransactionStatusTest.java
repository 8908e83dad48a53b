package coffer.core.ledger;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionStatusTest {
    @Test
    void completedAndReversedMovementsArePosted() {
        assertThat(matching(TransactionStatus::isPosted))
                .containsExactlyInAnyOrder(TransactionStatus.COMPLETED, TransactionStatus.REVERSED);
    }

    @Test
    void pendingAndProcessingMovementsAreInFlightAndOnlyTheyCanStillChange() {
        assertThat(matching(TransactionStatus::isInFlight))
                .containsExactlyInAnyOrder(TransactionStatus.PENDING, TransactionStatus.PROCESSING);
        assertThat(matching(TransactionStatus::isFinal))
                .containsExactlyInAnyOrder(TransactionStatus.COMPLETED, TransactionStatus.FAILED, TransactionStatus.REVERSED);
    }

    @Test
    void everyStatusIsExactlyOneOfInFlightPostedOrFailed() {
        for (TransactionStatus s : TransactionStatus.values()) {
            long kinds = List.of(s.isInFlight(), s.isPosted(), s == TransactionStatus.FAILED).stream().filter(b -> b).count();
            assertThat(kinds).as(s.name()).isEqualTo(1);
        }
    }

    @Test
    void wireNamesRoundTripAndAnUnknownNameIsFoundAsNothing() {
        for (TransactionStatus s : TransactionStatus.values()) {
            assertThat(TransactionStatus.find(s.wire())).contains(s);
            assertThat(TransactionStatus.fromWire(s.wire())).isEqualTo(s);
        }
        assertThat(TransactionStatus.find("settled")).isEmpty();
        assertThat(TransactionStatus.find("COMPLETED")).isEmpty();
        assertThat(TransactionStatus.find(null)).isEmpty();
        assertThatThrownBy(() -> TransactionStatus.fromWire("settled"))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    private static List<TransactionStatus> matching(Predicate<TransactionStatus> p) {
        return Arrays.stream(TransactionStatus.values()).filter(p).toList();
    }
}
