package coffer.core.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryLedgerTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final InMemoryLedger ledger = new InMemoryLedger();

    @BeforeEach
    void accounts() {
        ledger.open("clearing", AccountKind.PROVIDER_CLEARING, USD);
        ledger.open("alice", AccountKind.USER_WALLET, USD);
        ledger.open("bob", AccountKind.USER_WALLET, USD);
        ledger.open("merchant", AccountKind.MERCHANT, USD);
        ledger.open("euro", AccountKind.USER_WALLET, Currency.getInstance("EUR"));
        topUp("alice", 100_00);
    }

    @Test
    void topUpCreditsTheWalletAndDebitsClearingBelowZero() {
        assertThat(posted("alice")).isEqualTo(100_00);
        assertThat(posted("clearing")).isEqualTo(-100_00);
        assertThat(ledger.verify()).isEmpty();
    }

    @Test
    void transferMovesMoneyBetweenWallets() {
        Result<JournalEntry> result = ledger.post(JournalEntry.transfer("t1", TransactionKind.TRANSFER, "alice", "bob", usd(30_00)));
        assertThat(result.isOk()).isTrue();
        assertThat(posted("alice")).isEqualTo(70_00);
        assertThat(posted("bob")).isEqualTo(30_00);
    }

    @Test
    void transferRejectsOverdraftAndChangesNothing() {
        Result<JournalEntry> result = ledger.post(JournalEntry.transfer("t1", TransactionKind.TRANSFER, "alice", "bob", usd(100_01)));
        assertThat(result.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(posted("alice")).isEqualTo(100_00);
        assertThat(posted("bob")).isZero();
        assertThat(ledger.journal()).hasSize(1);
    }

    @Test
    void spendingExactlyTheAvailableBalanceIsAllowed() {
        assertThat(ledger.post(JournalEntry.transfer("t1", TransactionKind.PAYMENT, "alice", "merchant", usd(100_00))).isOk()).isTrue();
        assertThat(posted("alice")).isZero();
    }

    @Test
    void multiLegEntryIsAllOrNothing() {
        JournalEntry split = new JournalEntry("p1", TransactionKind.PAYMENT, List.of(
                Posting.debit("alice", usd(60_00)),
                Posting.debit("alice", usd(60_00)),
                Posting.credit("merchant", usd(120_00))));
        assertThat(ledger.post(split).errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(posted("alice")).isEqualTo(100_00);
        assertThat(posted("merchant")).isZero();
    }

    @Test
    void movingIntoAnAccountOfAnotherCurrencyIsRefused() {
        JournalEntry entry = JournalEntry.transfer("t1", TransactionKind.TRANSFER, "alice", "euro", usd(1_00));
        assertThat(ledger.post(entry).errorCode()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void unknownAccountIsNotFound() {
        assertThat(ledger.post(JournalEntry.transfer("t1", TransactionKind.TRANSFER, "alice", "nobody", usd(1))).errorCode())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void unbalancedEntriesCannotBeBuilt() {
        assertThatThrownBy(() -> new JournalEntry("x", TransactionKind.TRANSFER,
                List.of(Posting.debit("alice", usd(10)), Posting.credit("bob", usd(9)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not balance");
        assertThatThrownBy(() -> JournalEntry.transfer("x", TransactionKind.TRANSFER, "alice", "alice", usd(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holdReservesFundsSoTheyCannotBeSpentTwice() {
        ledger.hold("h1", "alice", "merchant", usd(80_00), NOW.plus(Duration.ofHours(1))).orThrow();
        Balance alice = ledger.balance("alice").orElseThrow();
        assertThat(alice.posted()).isEqualTo(100_00);
        assertThat(alice.pendingDebits()).isEqualTo(80_00);
        assertThat(alice.available().minor()).isEqualTo(20_00);
        assertThat(ledger.post(JournalEntry.transfer("t1", TransactionKind.TRANSFER, "alice", "bob", usd(20_01))).errorCode())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(ledger.hold("h2", "alice", "bob", usd(20_01), NOW.plusSeconds(60)).errorCode())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void partialCaptureMovesThePartAndReleasesTheRest() {
        ledger.hold("h1", "alice", "merchant", usd(80_00), NOW.plusSeconds(3600)).orThrow();
        Hold captured = ledger.capture("h1", usd(50_00), NOW).orThrow();
        assertThat(captured.state()).isEqualTo(HoldState.CAPTURED);
        assertThat(captured.captured()).isEqualTo(usd(50_00));
        Balance alice = ledger.balance("alice").orElseThrow();
        assertThat(alice.posted()).isEqualTo(50_00);
        assertThat(alice.pendingDebits()).isZero();
        assertThat(posted("merchant")).isEqualTo(50_00);
        assertThat(ledger.verify()).isEmpty();
    }

    @Test
    void aHoldIsResolvedAtMostOnce() {
        ledger.hold("h1", "alice", "merchant", usd(10_00), NOW.plusSeconds(3600)).orThrow();
        ledger.capture("h1", usd(10_00), NOW).orThrow();
        assertThat(ledger.capture("h1", usd(10_00), NOW).errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
        assertThat(ledger.voidHold("h1", NOW).errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
        assertThat(posted("merchant")).isEqualTo(10_00);
    }

    @Test
    void voidReleasesEverything() {
        ledger.hold("h1", "alice", "merchant", usd(10_00), NOW.plusSeconds(3600)).orThrow();
        assertThat(ledger.voidHold("h1", NOW).orThrow().state()).isEqualTo(HoldState.VOIDED);
        assertThat(ledger.balance("alice").orElseThrow().available().minor()).isEqualTo(100_00);
        assertThat(ledger.capture("h1", usd(1), NOW).errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
    }

    @Test
    void captureCannotExceedTheHold() {
        ledger.hold("h1", "alice", "merchant", usd(10_00), NOW.plusSeconds(3600)).orThrow();
        assertThat(ledger.capture("h1", usd(10_01), NOW).errorCode()).isEqualTo(ErrorCode.INVALID_AMOUNT);
        assertThat(ledger.hold("h1").orElseThrow().state()).isEqualTo(HoldState.PENDING);
    }

    @Test
    void anExpiredHoldVoidsItselfAndCannotBeCaptured() {
        ledger.hold("h1", "alice", "merchant", usd(10_00), NOW.plusSeconds(60)).orThrow();
        assertThat(ledger.expireDue(NOW.plusSeconds(59))).isEmpty();
        assertThat(ledger.capture("h1", usd(1_00), NOW.plusSeconds(60)).errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
        assertThat(ledger.expireDue(NOW.plusSeconds(60))).extracting(Hold::state).containsExactly(HoldState.EXPIRED);
        assertThat(ledger.balance("alice").orElseThrow().available().minor()).isEqualTo(100_00);
        assertThat(ledger.expireDue(NOW.plusSeconds(120))).isEmpty();
    }

    @Test
    void verifyCatchesAnAccountBelowZero() {
        InMemoryLedger broken = new InMemoryLedger();
        broken.open("w", AccountKind.USER_WALLET, USD);
        broken.open("c", AccountKind.PROVIDER_CLEARING, USD);
        assertThat(broken.post(JournalEntry.transfer("x", TransactionKind.TRANSFER, "w", "c", usd(1))).errorCode())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(broken.verify()).isEmpty();
    }

    private void topUp(String wallet, long minor) {
        ledger.post(JournalEntry.transfer("topup-" + wallet + "-" + minor, TransactionKind.TOPUP, "clearing", wallet, usd(minor))).orThrow();
    }

    private long posted(String account) {
        return ledger.balance(account).orElseThrow().posted();
    }

    private static Money usd(long minor) {
        return Money.ofMinor(USD, minor);
    }
}
