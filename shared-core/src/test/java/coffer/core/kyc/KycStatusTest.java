package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KycStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "UNVERIFIED, UNVERIFIED, refused",
            "UNVERIFIED, PENDING,    ok",
            "UNVERIFIED, VERIFIED,   refused",
            "UNVERIFIED, REJECTED,   refused",
            "PENDING,    UNVERIFIED, refused",
            "PENDING,    PENDING,    refused",
            "PENDING,    VERIFIED,   ok",
            "PENDING,    REJECTED,   ok",
            "VERIFIED,   UNVERIFIED, refused",
            "VERIFIED,   PENDING,    refused",
            "VERIFIED,   VERIFIED,   refused",
            "VERIFIED,   REJECTED,   refused",
            "REJECTED,   UNVERIFIED, refused",
            "REJECTED,   PENDING,    ok",
            "REJECTED,   VERIFIED,   refused",
            "REJECTED,   REJECTED,   refused",
    })
    void verificationFollowsItsFlow(KycStatus from, KycStatus to, String expected) {
        Result<KycStatus> result = from.transitionTo(to);

        assertThat(from.canTransitionTo(to)).isEqualTo(expected.equals("ok"));
        if (expected.equals("ok")) {
            assertThat(result).isEqualTo(Result.ok(to));
        } else {
            Result.Rejected<KycStatus> rejected = rejected(result);
            assertThat(rejected.code()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
            assertThat(rejected.message()).isNotBlank();
            assertThat(rejected.context())
                    .containsEntry("from", from.wireName())
                    .containsEntry("to", to.wireName());
        }
    }

    @ParameterizedTest
    @CsvSource({"UNVERIFIED, unverified", "PENDING, pending", "VERIFIED, verified", "REJECTED, rejected"})
    void wireNamesAreLowerCaseAndReadBack(KycStatus status, String wire) {
        assertThat(status.wireName()).isEqualTo(wire);
        assertThat(KycStatus.fromWire(wire)).isSameAs(status);
    }

    @ParameterizedTest
    @EnumSource(KycStatus.class)
    void everyStatusRoundTripsThroughItsWireName(KycStatus status) {
        assertThat(KycStatus.fromWire(status.wireName())).isSameAs(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "VERIFIED", "Pending", " pending", "approved", "0"})
    void unknownWireNamesAreRefusedAsInvalidRequests(String wire) {
        assertThatThrownBy(() -> KycStatus.fromWire(wire))
                .isInstanceOfSatisfying(CofferException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    private static <T> Result.Rejected<T> rejected(Result<T> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return (Result.Rejected<T>) result;
    }
}
