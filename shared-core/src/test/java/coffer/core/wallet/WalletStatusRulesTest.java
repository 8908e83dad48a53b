package coffer.core.wallet;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class WalletStatusRulesTest {

    /**
     * Every from x to x actor. "empty" is yes, no, or any (the outcome is the same either way, and
     * both are run). The outcome is "ok" or the expected error code.
     */
    private static final String TABLE = """
            ACTIVE    ACTIVE    USER      any  INVALID_STATUS_TRANSITION
            ACTIVE    ACTIVE    PARTNER   any  INVALID_STATUS_TRANSITION
            ACTIVE    ACTIVE    OPERATOR  any  INVALID_STATUS_TRANSITION
            ACTIVE    LOCKED    USER      any  ok
            ACTIVE    LOCKED    PARTNER   any  ok
            ACTIVE    LOCKED    OPERATOR  any  ok
            ACTIVE    SUSPENDED USER      any  FORBIDDEN
            ACTIVE    SUSPENDED PARTNER   any  FORBIDDEN
            ACTIVE    SUSPENDED OPERATOR  any  ok
            ACTIVE    CLOSED    USER      yes  ok
            ACTIVE    CLOSED    USER      no   WALLET_NOT_EMPTY
            ACTIVE    CLOSED    PARTNER   yes  ok
            ACTIVE    CLOSED    PARTNER   no   WALLET_NOT_EMPTY
            ACTIVE    CLOSED    OPERATOR  yes  ok
            ACTIVE    CLOSED    OPERATOR  no   WALLET_NOT_EMPTY

            LOCKED    ACTIVE    USER      any  ok
            LOCKED    ACTIVE    PARTNER   any  ok
            LOCKED    ACTIVE    OPERATOR  any  ok
            LOCKED    LOCKED    USER      any  INVALID_STATUS_TRANSITION
            LOCKED    LOCKED    PARTNER   any  INVALID_STATUS_TRANSITION
            LOCKED    LOCKED    OPERATOR  any  INVALID_STATUS_TRANSITION
            LOCKED    SUSPENDED USER      any  FORBIDDEN
            LOCKED    SUSPENDED PARTNER   any  FORBIDDEN
            LOCKED    SUSPENDED OPERATOR  any  ok
            LOCKED    CLOSED    USER      yes  ok
            LOCKED    CLOSED    USER      no   WALLET_NOT_EMPTY
            LOCKED    CLOSED    PARTNER   yes  ok
            LOCKED    CLOSED    PARTNER   no   WALLET_NOT_EMPTY
            LOCKED    CLOSED    OPERATOR  yes  ok
            LOCKED    CLOSED    OPERATOR  no   WALLET_NOT_EMPTY

            SUSPENDED ACTIVE    USER      any  FORBIDDEN
            SUSPENDED ACTIVE    PARTNER   any  FORBIDDEN
            SUSPENDED ACTIVE    OPERATOR  any  ok
            SUSPENDED LOCKED    USER      any  INVALID_STATUS_TRANSITION
            SUSPENDED LOCKED    PARTNER   any  INVALID_STATUS_TRANSITION
            SUSPENDED LOCKED    OPERATOR  any  INVALID_STATUS_TRANSITION
            SUSPENDED SUSPENDED USER      any  INVALID_STATUS_TRANSITION
            SUSPENDED SUSPENDED PARTNER   any  INVALID_STATUS_TRANSITION
            SUSPENDED SUSPENDED OPERATOR  any  INVALID_STATUS_TRANSITION
            SUSPENDED CLOSED    USER      any  FORBIDDEN
            SUSPENDED CLOSED    PARTNER   any  FORBIDDEN
            SUSPENDED CLOSED    OPERATOR  yes  ok
            SUSPENDED CLOSED    OPERATOR  no   WALLET_NOT_EMPTY

            CLOSED    ACTIVE    USER      any  WALLET_CLOSED
            CLOSED    ACTIVE    PARTNER   any  WALLET_CLOSED
            CLOSED    ACTIVE    OPERATOR  any  WALLET_CLOSED
            CLOSED    LOCKED    USER      any  WALLET_CLOSED
            CLOSED    LOCKED    PARTNER   any  WALLET_CLOSED
            CLOSED    LOCKED    OPERATOR  any  WALLET_CLOSED
            CLOSED    SUSPENDED USER      any  WALLET_CLOSED
            CLOSED    SUSPENDED PARTNER   any  WALLET_CLOSED
            CLOSED    SUSPENDED OPERATOR  any  WALLET_CLOSED
            CLOSED    CLOSED    USER      any  WALLET_CLOSED
            CLOSED    CLOSED    PARTNER   any  WALLET_CLOSED
            CLOSED    CLOSED    OPERATOR  any  WALLET_CLOSED
            """;

    private record Row(WalletStatus from, WalletStatus to, StatusActor actor, boolean empty, String expected) {
        @Override
        public String toString() {
            return from + " -> " + to + " by " + actor + (empty ? " (empty)" : " (holding money)") + ": " + expected;
        }
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            WalletStatus from = WalletStatus.valueOf(f[0]);
            WalletStatus to = WalletStatus.valueOf(f[1]);
            StatusActor actor = StatusActor.valueOf(f[2]);
            if (!f[3].equals("no")) {
                rows.add(new Row(from, to, actor, true, f[4]));
            }
            if (!f[3].equals("yes")) {
                rows.add(new Row(from, to, actor, false, f[4]));
            }
        }
        return rows;
    }

    static Stream<Arguments> table() {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void statusChangeFollowsTheTable(Row row) {
        Result<WalletStatus> result = WalletStatusRules.transition(row.from(), null, row.to(), row.actor(), row.empty());

        if (row.expected().equals("ok")) {
            assertThat(result).isEqualTo(Result.ok(row.to()));
        } else {
            assertThat(result.errorCode()).isEqualTo(ErrorCode.valueOf(row.expected()));
            Result.Rejected<WalletStatus> rejected = rejected(result);
            assertThat(rejected.message()).isNotBlank();
            assertThat(rejected.context())
                    .containsEntry("from", row.from().wireName())
                    .containsEntry("to", row.to().wireName())
                    .containsKey("actor");
        }
    }

    @Test
    void tableCoversEveryStatusPairForEveryActorWithAndWithoutMoney() {
        Set<String> seen = new HashSet<>();
        for (Row row : rows()) {
            assertThat(seen.add(row.from() + "/" + row.to() + "/" + row.actor() + "/" + row.empty()))
                    .as("duplicate row %s", row).isTrue();
        }
        assertThat(seen).hasSize(WalletStatus.values().length * WalletStatus.values().length
                * StatusActor.values().length * 2);
    }

    @Test
    void onlyTheOperatorCanLiftASuspension() {
        Result<WalletStatus> result = WalletStatusRules.transition(
                WalletStatus.SUSPENDED, null, WalletStatus.ACTIVE, StatusActor.PARTNER, true);

        Result.Rejected<WalletStatus> rejected = rejected(result);
        assertThat(rejected.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(rejected.message()).isEqualTo("Only the operator can lift a suspension");
        assertThat(rejected.context()).containsEntry("actor", "partner");
    }

    @Test
    void userClosingASuspendedWalletHoldingMoneyIsForbiddenRatherThanNotEmpty() {
        Result<WalletStatus> result = WalletStatusRules.transition(
                WalletStatus.SUSPENDED, null, WalletStatus.CLOSED, StatusActor.USER, false);

        assertThat(result.errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void closingAWalletThatHoldsMoneyExplainsWhatToDo() {
        Result<WalletStatus> result = WalletStatusRules.transition(
                WalletStatus.ACTIVE, null, WalletStatus.CLOSED, StatusActor.USER, false);

        assertThat(rejected(result).message()).contains("zero balance").contains("pending");
    }

    @Test
    void aUserCannotLiftThePartnersLock() {
        Result<WalletStatus> result = WalletStatusRules.transition(
                WalletStatus.LOCKED, StatusActor.PARTNER, WalletStatus.ACTIVE, StatusActor.USER, true);

        Result.Rejected<WalletStatus> rejected = rejected(result);
        assertThat(rejected.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(rejected.message()).isEqualTo(
                "The wallet was locked by the partner: only the partner or the operator can change that");
        assertThat(rejected.context()).containsEntry("actor", "user");
    }

    @Test
    void aUserCannotCloseAWalletThePartnerLockedEvenWhenEmpty() {
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.PARTNER, WalletStatus.CLOSED,
                StatusActor.USER, true).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.PARTNER, WalletStatus.CLOSED,
                StatusActor.USER, false).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void thePartnerCannotLiftTheOperatorsLock() {
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.OPERATOR, WalletStatus.ACTIVE,
                StatusActor.PARTNER, true).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.OPERATOR, WalletStatus.ACTIVE,
                StatusActor.OPERATOR, true)).isEqualTo(Result.ok(WalletStatus.ACTIVE));
    }

    @Test
    void aStrongerActorLiftsAWeakerOnesLock() {
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.USER, WalletStatus.ACTIVE,
                StatusActor.PARTNER, true)).isEqualTo(Result.ok(WalletStatus.ACTIVE));
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.PARTNER, WalletStatus.ACTIVE,
                StatusActor.PARTNER, true)).isEqualTo(Result.ok(WalletStatus.ACTIVE));
    }

    @Test
    void aStrongerActorTakesOverALockAWeakerOneSet() {
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.USER, WalletStatus.LOCKED,
                StatusActor.PARTNER, true)).isEqualTo(Result.ok(WalletStatus.LOCKED));
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.PARTNER, WalletStatus.LOCKED,
                StatusActor.USER, true).errorCode()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
        assertThat(WalletStatusRules.transition(WalletStatus.LOCKED, StatusActor.PARTNER, WalletStatus.LOCKED,
                StatusActor.PARTNER, true).errorCode()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
    }

    @Test
    void anActiveWalletIsNobodysRestriction() {
        assertThat(WalletStatusRules.transition(WalletStatus.ACTIVE, StatusActor.OPERATOR, WalletStatus.LOCKED,
                StatusActor.USER, true)).isEqualTo(Result.ok(WalletStatus.LOCKED));
    }

    @Test
    void nullArgumentsAreBugsNotRefusals() {
        assertThatNullPointerException().isThrownBy(() ->
                WalletStatusRules.transition(null, null, WalletStatus.ACTIVE, StatusActor.USER, true));
        assertThatNullPointerException().isThrownBy(() ->
                WalletStatusRules.transition(WalletStatus.ACTIVE, null, null, StatusActor.USER, true));
        assertThatNullPointerException().isThrownBy(() ->
                WalletStatusRules.transition(WalletStatus.ACTIVE, null, WalletStatus.LOCKED, null, true));
    }

    private static <T> Result.Rejected<T> rejected(Result<T> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return (Result.Rejected<T>) result;
    }
}
