package coffer.core.wallet;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletStatusTest {

    @ParameterizedTest(name = "{0}: debit {1}, credit {2}")
    @CsvSource({
            "ACTIVE,    ok,               ok",
            "LOCKED,    WALLET_LOCKED,    ok",
            "SUSPENDED, WALLET_SUSPENDED, WALLET_SUSPENDED",
            "CLOSED,    WALLET_CLOSED,    WALLET_CLOSED",
    })
    void eachStatusAllowsOnlyItsMovements(WalletStatus status, String debit, String credit) {
        assertOutcome(status, status.checkDebit(), debit);
        assertOutcome(status, status.checkCredit(), credit);
        assertThat(status.allowsDebit()).isEqualTo(debit.equals("ok"));
        assertThat(status.allowsCredit()).isEqualTo(credit.equals("ok"));
    }

    private static void assertOutcome(WalletStatus status, Result<WalletStatus> result, String expected) {
        if (expected.equals("ok")) {
            assertThat(result).isEqualTo(Result.ok(status));
        } else {
            assertThat(result.errorCode()).isEqualTo(ErrorCode.valueOf(expected));
            assertThat(rejected(result).context()).containsEntry("status", status.wireName());
        }
    }

    @Test
    void lockedWalletRefusesDebits() {
        Result.Rejected<WalletStatus> rejected = rejected(WalletStatus.LOCKED.checkDebit());

        assertThat(rejected.code()).isEqualTo(ErrorCode.WALLET_LOCKED);
        assertThat(rejected.message()).contains("locked");
    }

    @Test
    void lockedWalletAcceptsCredits() {
        assertThat(WalletStatus.LOCKED.checkCredit().isOk()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, active", "LOCKED, locked", "SUSPENDED, suspended", "CLOSED, closed"})
    void wireNamesAreLowerCaseAndReadBack(WalletStatus status, String wire) {
        assertThat(status.wireName()).isEqualTo(wire);
        assertThat(WalletStatus.fromWire(wire)).isSameAs(status);
    }

    @ParameterizedTest
    @EnumSource(WalletStatus.class)
    void everyStatusRoundTripsThroughItsWireName(WalletStatus status) {
        assertThat(WalletStatus.fromWire(status.wireName())).isSameAs(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "ACTIVE", "Active", " active", "active ", "frozen", "open", "1"})
    void unknownWireNamesAreRefusedAsInvalidRequests(String wire) {
        assertThatThrownBy(() -> WalletStatus.fromWire(wire))
                .isInstanceOfSatisfying(CofferException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("active, locked, suspended, closed");
                });
    }

    private static <T> Result.Rejected<T> rejected(Result<T> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return (Result.Rejected<T>) result;
    }
}
