package coffer.server.ledger;

import coffer.core.money.Money;
import coffer.server.ledger.tasks.HoldTasks;
import coffer.server.ledger.tasks.RefundTask;
import coffer.server.ledger.tasks.WalletTasks;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks made from command records fingerprint the same fields in the same order as before the records
 * existed: a key stored by the earlier version still replays its request, and a different request under it
 * is still refused.
 */
class CommandFingerprintsTest {
    private static final EnvId ENV = new EnvId("env-1");
    private static final HoldId HOLD = new HoldId("hld_1");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void aCaptureIsFingerprintedAsItWasStored() {
        Money part = Money.ofMinor(USD, 12_50);
        assertThat(new HoldTasks.Capture(CaptureCommand.all(ENV, HOLD)).fingerprint().value())
                .isEqualTo(Fingerprint.of("capture").text("env-1").text("hld_1").money(null).value());
        assertThat(new HoldTasks.Capture(new CaptureCommand(ENV, HOLD, part)).fingerprint().value())
                .isEqualTo(Fingerprint.of("capture").text("env-1").text("hld_1").money(part).value())
                .isNotEqualTo(new HoldTasks.Capture(CaptureCommand.all(ENV, HOLD)).fingerprint().value());
    }

    @Test
    void aVoidIsFingerprintedAsItWasStoredWithItsDefaultReason() {
        assertThat(new HoldTasks.Void(new VoidCommand(ENV, HOLD, null)).fingerprint().value())
                .isEqualTo(Fingerprint.of("void").text("env-1").text("hld_1").text("voided").value());
        assertThat(new HoldTasks.Void(new VoidCommand(ENV, HOLD, "payout failed")).fingerprint().value())
                .isEqualTo(Fingerprint.of("void").text("env-1").text("hld_1").text("payout failed").value());
    }

    @Test
    void aReversalIsFingerprintedAsTheRefundOfAllThatIsLeftItWasStoredAs() {
        ReversalCommand reversal = new ReversalCommand(ENV, new TransactionId("txn_1"), "fraud");
        assertThat(new RefundTask(reversal).fingerprint().value())
                .isEqualTo(Fingerprint.of("reverse").text("env-1").text(null).text("txn_1").money(null).text("fraud")
                        .value());
        assertThat(new RefundTask(reversal).fingerprint().value())
                .isNotEqualTo(new RefundTask(reversal.asRefund()).fingerprint().value());
    }

    @Test
    void openingAWalletIsFingerprintedWithWhetherItIsAnAdditionalOne() {
        UserId user = new UserId("usr_1");
        assertThat(new WalletTasks.OpenWallet(NewWallet.inCurrency(ENV, user, USD)).fingerprint().value())
                .isEqualTo(Fingerprint.of("wallet").text("env-1").text("usr_1").text("USD").flag(false).value());
        assertThat(new WalletTasks.OpenWallet(NewWallet.additional(ENV, user, USD)).fingerprint().value())
                .isEqualTo(Fingerprint.of("wallet").text("env-1").text("usr_1").text("USD").flag(true).value());
    }
}
