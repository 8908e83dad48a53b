package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KycPolicyTest {

    private static final String TABLE = "coffer.core.kyc.DefaultLimitsTable#rows";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static List<OutgoingMovement> sentInsideTheWindow(DefaultLimitsTable.Case c, long total) {
        long first = total / 2;
        return List.of(
                new OutgoingMovement(c.money(first), NOW.minus(Duration.ofHours(1))),
                new OutgoingMovement(c.money(total - first), NOW.minus(DAY).plusSeconds(1)));
    }

    private static KycDecision send(DefaultLimitsTable.Case c, List<OutgoingMovement> recent, long minor) {
        return KycPolicy.checkOutgoing(c.limits(), recent, c.money(minor), NOW);
    }

    private static Result.Rejected<Money> rejection(KycDecision decision, ErrorCode expected) {
        assertThat(decision.isAllowed()).as("allowed").isFalse();
        assertThat(decision.errorCode()).isEqualTo(expected);
        return (Result.Rejected<Money>) decision.result();
    }

    // per-transaction limit

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void paymentOfExactlyThePerTransactionLimitIsAllowed(DefaultLimitsTable.Case c) {
        KycDecision decision = send(c, List.of(), c.perTransaction());

        assertThat(decision.remaining()).isEqualTo(c.money(c.daily() - c.perTransaction()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void paymentJustUnderThePerTransactionLimitIsAllowed(DefaultLimitsTable.Case c) {
        KycDecision decision = send(c, List.of(), c.perTransaction() - 1);

        assertThat(decision.remaining()).isEqualTo(c.money(c.daily() - c.perTransaction() + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void paymentOneMinorUnitOverThePerTransactionLimitNeedsKyc(DefaultLimitsTable.Case c) {
        KycDecision decision = send(c, List.of(), c.perTransaction() + 1);

        Result.Rejected<Money> rejected = rejection(decision, ErrorCode.KYC_REQUIRED);
        assertThat(rejected.context())
                .containsEntry("currency", c.currency().getCurrencyCode())
                .containsEntry("limit", c.money(c.perTransaction()).toDecimalString())
                .containsEntry("attempted", c.money(c.perTransaction() + 1).toDecimalString());
        assertThat(rejected.message()).contains(c.money(c.perTransaction()).toDecimalString());
    }

    // rolling daily limit

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void paymentReachingExactlyTheDailyLimitIsAllowed(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent = sentInsideTheWindow(c, c.daily() - c.perTransaction());

        KycDecision decision = send(c, recent, c.perTransaction());

        assertThat(decision.remaining()).isEqualTo(c.money(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void paymentStayingJustUnderTheDailyLimitIsAllowed(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent = sentInsideTheWindow(c, c.daily() - c.perTransaction() - 1);

        KycDecision decision = send(c, recent, c.perTransaction());

        assertThat(decision.remaining()).isEqualTo(c.money(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void paymentPassingTheDailyLimitByOneMinorUnitIsRefused(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent = sentInsideTheWindow(c, c.daily() - c.perTransaction() + 1);

        KycDecision decision = send(c, recent, c.perTransaction());

        Result.Rejected<Money> rejected = rejection(decision, ErrorCode.DAILY_LIMIT_EXCEEDED);
        assertThat(rejected.context())
                .containsEntry("limit", c.money(c.daily()).toDecimalString())
                .containsEntry("attempted", c.money(c.perTransaction()).toDecimalString())
                .containsEntry("used", c.money(c.daily() - c.perTransaction() + 1).toDecimalString())
                .containsEntry("remaining", c.money(c.perTransaction() - 1).toDecimalString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void movementExactlyTwentyFourHoursOldNoLongerCounts(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent = List.of(new OutgoingMovement(c.money(c.daily()), NOW.minus(DAY)));

        KycDecision decision = send(c, recent, c.perTransaction());

        assertThat(decision.remaining()).isEqualTo(c.money(c.daily() - c.perTransaction()));
        assertThat(KycPolicy.remainingToday(c.limits(), recent, NOW)).isEqualTo(c.money(c.daily()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void movementOneSecondShortOfTwentyFourHoursOldStillCounts(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent =
                List.of(new OutgoingMovement(c.money(c.daily()), NOW.minus(DAY).plusSeconds(1)));

        KycDecision decision = send(c, recent, 1);

        rejection(decision, ErrorCode.DAILY_LIMIT_EXCEEDED);
        assertThat(KycPolicy.remainingToday(c.limits(), recent, NOW)).isEqualTo(c.money(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void perTransactionLimitIsCheckedBeforeTheDailyLimit(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent = sentInsideTheWindow(c, c.daily());

        KycDecision decision = send(c, recent, c.perTransaction() + 1);

        rejection(decision, ErrorCode.KYC_REQUIRED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void currencyIsCheckedBeforeAnyLimit(DefaultLimitsTable.Case c) {
        Money inEuros = Money.ofMinor("EUR", 1_000_000_000_000L);

        KycDecision decision = KycPolicy.checkOutgoing(c.limits(), sentInsideTheWindow(c, c.daily()), inEuros, NOW);

        Result.Rejected<Money> rejected = rejection(decision, ErrorCode.CURRENCY_MISMATCH);
        assertThat(rejected.context())
                .containsEntry("expected", c.currency().getCurrencyCode())
                .containsEntry("actual", "EUR");
    }

    // remaining allowance

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void remainingAllowanceIsTheDailyLimitLessWhatWasSentInTheWindow(DefaultLimitsTable.Case c) {
        TierLimits limits = c.limits();
        OutgoingMovement old = new OutgoingMovement(c.money(c.daily()), NOW.minus(DAY).minusSeconds(1));

        assertThat(KycPolicy.remainingToday(limits, List.of(), NOW)).isEqualTo(c.money(c.daily()));
        assertThat(KycPolicy.remainingToday(limits, List.of(old), NOW)).isEqualTo(c.money(c.daily()));
        assertThat(KycPolicy.remainingToday(limits, sentInsideTheWindow(c, c.daily() - c.perTransaction()), NOW))
                .isEqualTo(c.money(c.perTransaction()));
        assertThat(KycPolicy.remainingToday(limits, sentInsideTheWindow(c, c.daily()), NOW))
                .isEqualTo(c.money(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void remainingAllowanceIsZeroNotNegativeOnceALoweredLimitIsPassed(DefaultLimitsTable.Case c) {
        List<OutgoingMovement> recent = sentInsideTheWindow(c, c.daily() * 3);

        assertThat(KycPolicy.remainingToday(c.limits(), recent, NOW)).isEqualTo(c.money(0));
        Result.Rejected<Money> rejected = rejection(send(c, recent, 1), ErrorCode.DAILY_LIMIT_EXCEEDED);
        assertThat(rejected.context()).containsEntry("remaining", c.money(0).toDecimalString());
    }

    // maximum balance

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void creditReachingExactlyTheMaximumBalanceIsAllowed(DefaultLimitsTable.Case c) {
        long balance = c.maxBalance() / 2;

        KycDecision decision = KycPolicy.checkIncoming(c.limits(), c.money(balance), c.money(c.maxBalance() - balance));

        assertThat(decision.remaining()).isEqualTo(c.money(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void creditStayingJustUnderTheMaximumBalanceIsAllowed(DefaultLimitsTable.Case c) {
        long balance = c.maxBalance() / 2;

        KycDecision decision =
                KycPolicy.checkIncoming(c.limits(), c.money(balance), c.money(c.maxBalance() - balance - 1));

        assertThat(decision.remaining()).isEqualTo(c.money(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLE)
    void creditPassingTheMaximumBalanceByOneMinorUnitNeedsKyc(DefaultLimitsTable.Case c) {
        long balance = c.maxBalance() / 2;
        long incoming = c.maxBalance() - balance + 1;

        KycDecision decision = KycPolicy.checkIncoming(c.limits(), c.money(balance), c.money(incoming));

        Result.Rejected<Money> rejected = rejection(decision, ErrorCode.KYC_REQUIRED);
        assertThat(rejected.context())
                .containsEntry("limit", c.money(c.maxBalance()).toDecimalString())
                .containsEntry("attempted", c.money(incoming).toDecimalString())
                .containsEntry("balance", c.money(balance).toDecimalString());
    }

    // edges

    @Test
    void windowBoundaryIsExactToTheNanosecond() {
        DefaultLimitsTable.Case c = usdTierZero();
        Money full = c.money(c.daily());

        List<OutgoingMovement> justOut = List.of(new OutgoingMovement(full, NOW.minus(DAY)));
        List<OutgoingMovement> justIn = List.of(new OutgoingMovement(full, NOW.minus(DAY).plusNanos(1)));

        assertThat(KycPolicy.remainingToday(c.limits(), justOut, NOW)).isEqualTo(full);
        assertThat(KycPolicy.remainingToday(c.limits(), justIn, NOW)).isEqualTo(c.money(0));
    }

    @Test
    void movementStampedAfterNowStillCounts() {
        DefaultLimitsTable.Case c = usdTierZero();
        List<OutgoingMovement> recent = List.of(new OutgoingMovement(c.money(c.daily()), NOW.plusSeconds(2)));

        rejection(send(c, recent, 1), ErrorCode.DAILY_LIMIT_EXCEEDED);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void amountsThatAreNotPositiveAreInvalidBeforeAnythingElse(long minor) {
        DefaultLimitsTable.Case c = usdTierZero();
        Money inEuros = Money.ofMinor("EUR", minor);

        rejection(send(c, List.of(), minor), ErrorCode.INVALID_AMOUNT);
        rejection(KycPolicy.checkOutgoing(c.limits(), List.of(), inEuros, NOW), ErrorCode.INVALID_AMOUNT);
        rejection(KycPolicy.checkIncoming(c.limits(), c.money(0), c.money(minor)), ErrorCode.INVALID_AMOUNT);
    }

    @Test
    void incomingInAnotherCurrencyIsAMismatch() {
        DefaultLimitsTable.Case c = usdTierZero();

        KycDecision decision = KycPolicy.checkIncoming(c.limits(), c.money(0), Money.ofMinor("JPY", 1));

        rejection(decision, ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void hugeCreditNeedsKycRatherThanOverflowing() {
        DefaultLimitsTable.Case c = usdTierZero();

        KycDecision decision = KycPolicy.checkIncoming(c.limits(), c.money(1), c.money(Long.MAX_VALUE));

        rejection(decision, ErrorCode.KYC_REQUIRED);
    }

    @Test
    void hugePaymentNeedsKycRatherThanOverflowing() {
        DefaultLimitsTable.Case c = usdTierZero();

        rejection(send(c, sentInsideTheWindow(c, c.daily()), Long.MAX_VALUE), ErrorCode.KYC_REQUIRED);
    }

    @Test
    void balanceAlreadyOverALoweredMaximumRefusesAnyCredit() {
        DefaultLimitsTable.Case c = usdTierZero();

        KycDecision decision = KycPolicy.checkIncoming(c.limits(), c.money(c.maxBalance() + 500), c.money(1));

        rejection(decision, ErrorCode.KYC_REQUIRED);
    }

    @Test
    void movementsInAnotherCurrencyAreACallerBug() {
        DefaultLimitsTable.Case c = usdTierZero();
        List<OutgoingMovement> recent = List.of(new OutgoingMovement(Money.ofMinor("EUR", 1), NOW));

        assertThatIllegalArgumentException().isThrownBy(() -> send(c, recent, 1)).withMessageContaining("EUR");
        assertThatIllegalArgumentException().isThrownBy(() -> KycPolicy.remainingToday(c.limits(), recent, NOW));
        assertThatIllegalArgumentException().isThrownBy(() ->
                KycPolicy.checkIncoming(c.limits(), Money.ofMinor("EUR", 0), c.money(1)));
    }

    @Test
    void negativeOutgoingMovementsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingMovement(Money.ofMinor("USD", -1), NOW));
    }

    @Test
    void rejectionExplainsItselfAndThrowsWithItsContext() {
        DefaultLimitsTable.Case c = usdTierZero();

        KycDecision decision = send(c, List.of(), 10_001);

        Result.Rejected<Money> rejected = rejection(decision, ErrorCode.KYC_REQUIRED);
        assertThat(rejected.message())
                .isEqualTo("Sending 100.01 USD is over the per-payment limit of 100.00 USD for your verification"
                        + " level; verify your identity to send more");
        assertThatIllegalStateException().isThrownBy(decision::remaining);
        assertThatThrownBy(decision::orThrow).isInstanceOfSatisfying(CofferException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.KYC_REQUIRED);
            assertThat(e.context()).containsEntry("limit", "100.00").containsEntry("attempted", "100.01");
        });
    }

    @Test
    void allowedDecisionCarriesTheRemainingAllowance() {
        DefaultLimitsTable.Case c = usdTierZero();

        KycDecision decision = send(c, List.of(), 2_500);

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.errorCode()).isNull();
        assertThat(decision.orThrow()).isEqualTo(c.money(22_500));
        assertThat(decision.result()).isEqualTo(Result.ok(c.money(22_500)));
    }

    private static DefaultLimitsTable.Case usdTierZero() {
        return DefaultLimitsTable.rows()
                .map(a -> (DefaultLimitsTable.Case) a.get()[0])
                .filter(c -> c.tier() == KycTier.TIER_0 && c.currency().getCurrencyCode().equals("USD"))
                .findFirst()
                .orElseThrow();
    }
}
