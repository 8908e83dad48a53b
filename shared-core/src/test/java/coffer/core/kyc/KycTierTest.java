package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KycTierTest {

    @ParameterizedTest
    @CsvSource({"TIER_0, 0", "TIER_1, 1", "TIER_2, 2"})
    void tiersTravelAsSmallIntegers(KycTier tier, int wire) {
        assertThat(tier.wireValue()).isEqualTo(wire);
        assertThat(KycTier.fromWire(wire)).isSameAs(tier);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3, 10, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void unknownTiersAreRefusedAsInvalidRequests(int wire) {
        assertThatThrownBy(() -> KycTier.fromWire(wire))
                .isInstanceOfSatisfying(CofferException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @ParameterizedTest(name = "{0} grants {1}")
    @CsvSource({"UNVERIFIED, TIER_0", "PENDING, TIER_0", "REJECTED, TIER_0", "VERIFIED, TIER_1"})
    void onlyVerificationRaisesTheDefaultTier(KycStatus status, KycTier tier) {
        assertThat(KycTier.defaultFor(status)).isSameAs(tier);
    }

    @Test
    void defaultTierNeedsAStatus() {
        assertThatNullPointerException().isThrownBy(() -> KycTier.defaultFor(null));
    }
}
