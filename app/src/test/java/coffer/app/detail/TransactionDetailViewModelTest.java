package coffer.app.detail;

import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.TransactionTypes.TransactionView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** A movement's detail against the bundled server: its receipt, and refunds where the server allows them. */
class TransactionDetailViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final AtomicInteger refreshed = new AtomicInteger();

    private TransactionDetailViewModel viewModelFor(String email) {
        return new TransactionDetailViewModel(SERVER.signedIn(email), BackgroundExecutor.sameThread(), TOKYO,
                refreshed::incrementAndGet);
    }

    /** Alice pays bob and waits until the payment completed; answers the movement as {@code seenBy} sees it. */
    private static TransactionView alicePaysBob(String amount, String note, String seenBy) throws Exception {
        Payments.completed(SERVER.signedIn(ALICE), BOB, amount, note);
        return seen(seenBy, note);
    }

    private static TransactionView seen(String email, String note) {
        ApiClient client = SERVER.signedIn(email);
        return client.transactions(Map.of("wallet_id", client.accounts().get(0).id(), "q", note)).transactions()
                .stream().filter(t -> note.equals(t.description())).findFirst().orElseThrow();
    }

    @Test
    void theReceiptShowsEveryFieldWithTimesInTheUsersZone() throws Exception {
        TransactionView t = alicePaysBob("25.00", "receipt lunch", BOB);
        TransactionDetailViewModel viewModel = viewModelFor(BOB);

        viewModel.show(t);

        String receipt = viewModel.receipt.get();
        assertThat(receipt).startsWith("Coffer receipt\n")
                .contains("Kind:                 Sent to a person\n")
                .contains("Direction:            in (money reached your wallet)\n")
                .contains("Amount:               +25.00 USD\n")
                .contains("Counterparty:         alice@example.com\n")
                .contains("Counterparty wallet:  " + t.counterpartyWalletId() + "\n")
                .contains("Status:               Completed\n")
                .contains("Failure reason:       —\n")
                .contains("Description:          receipt lunch\n")
                .contains("Transaction id:       " + t.id() + "\n")
                .contains("Wallet id:            " + t.walletId() + "\n");
        // Tokyo's wall clock in the user's locale, the zone named: "Jan 2, 2026, 12:04:05 PM JST"
        LocalDateTime created = Instant.parse(t.createdAt()).atZone(TOKYO).toLocalDateTime();
        String createdText = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH).format(created);
        assertThat(receipt).contains("Created:              " + createdText + " JST\n");
        assertThat(receipt).containsPattern("Completed:            [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d:\\d\\d [AP]M JST\n");
        assertThat(viewModel.title.get()).isEqualTo("Received · Sent to a person · +25.00 USD");
        assertThat(viewModel.copyReceipt()).isEqualTo(receipt);
        assertThat(viewModel.notice.get()).isEqualTo("Receipt copied.");
    }

    @Test
    void theReceiptIsSavedAsATextFile(@TempDir Path dir) throws Exception {
        TransactionView t = alicePaysBob("3.00", "receipt file", BOB);
        TransactionDetailViewModel viewModel = viewModelFor(BOB);
        viewModel.show(t);
        Path file = dir.resolve(viewModel.receiptFileName());

        viewModel.saveReceipt(file);

        assertThat(file.getFileName().toString()).isEqualTo("coffer-receipt-" + t.id() + ".txt");
        assertThat(Files.readString(file)).isEqualTo(viewModel.receipt.get());
        assertThat(viewModel.notice.get()).isEqualTo("Receipt saved to " + file + ".");
    }

    @Test
    void onlyTheRecipientOfAnotherWalletsMoneyMayRefundAndNeverARefund() throws Exception {
        TransactionView received = alicePaysBob("4.00", "refund rights", BOB);
        TransactionDetailViewModel bob = viewModelFor(BOB);
        bob.show(received);
        assertThat(bob.refundable.get()).as("bob received it").isTrue();
        assertThat(bob.refundSummary.get()).isEqualTo("Left to refund: 4.00 USD");

        TransactionDetailViewModel alice = viewModelFor(ALICE);
        alice.show(seen(ALICE, "refund rights"));
        assertThat(alice.refundable.get()).as("alice sent it").isFalse();
        alice.startRefund();
        assertThat(alice.refundFormShown.get()).isFalse();

        TransactionDetailViewModel topup = viewModelFor(BOB);
        topup.show(seen(BOB, "Opening balance"));
        assertThat(topup.refundable.get()).as("a top-up is refunded to its card, elsewhere").isFalse();
        assertThat(topup.refundSummary.get()).isEmpty();

        bob.startRefund();
        bob.confirmRefund();    // nothing confirmed yet: nothing sent
        bob.reviewRefund();
        bob.confirmRefund();
        assertThat(bob.notice.get()).isEqualTo("Refunded 4.00 USD to alice@example.com (Completed).");

        TransactionView refundSeenByAlice = SERVER.signedIn(ALICE).transactions(
                Map.of("wallet_id", SERVER.signedIn(ALICE).accounts().get(0).id(), "kind", "refund")).transactions()
                .stream().filter(r -> r.description().equals("Refund") && r.amount().equals("4.00")).findFirst()
                .orElseThrow();
        alice.show(refundSeenByAlice);
        assertThat(refundSeenByAlice.direction()).isEqualTo("in");
        assertThat(alice.refundable.get()).as("a refund is not refunded back").isFalse();
    }

    @Test
    void aPartialRefundLeavesTheRestAndMoreThanIsLeftIsRefused() throws Exception {
        TransactionView t = alicePaysBob("25.00", "partial refund", BOB);
        TransactionDetailViewModel viewModel = viewModelFor(BOB);
        viewModel.show(t);

        viewModel.startRefund();
        assertThat(viewModel.refundAmount.get()).as("all that is left by default").isEqualTo("25.00");
        viewModel.refundAmount.set("10.00");
        viewModel.refundReason.set("half a lunch");
        viewModel.reviewRefund();
        assertThat(viewModel.confirmation.get()).isEqualTo("Refund 10.00 USD to alice@example.com?");
        viewModel.confirmRefund();

        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.notice.get()).isEqualTo("Refunded 10.00 USD to alice@example.com (Completed).");
        assertThat(viewModel.refundSummary.get())
                .isEqualTo("Refunded so far: 10.00 USD — left to refund: 15.00 USD");
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(refreshed).as("the history was told").hasValue(1);
        assertThat(seen(ALICE, "half a lunch").amount()).isEqualTo("10.00");

        viewModel.startRefund();
        assertThat(viewModel.refundAmount.get()).isEqualTo("15.00");
        viewModel.refundAmount.set("20.00");
        viewModel.reviewRefund();
        assertThat(viewModel.error.get()).isEqualTo("That is more than the 15.00 USD left to refund.");
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();

        // a second window still believing all 25.00 is left: the server has the last word
        TransactionDetailViewModel stale = viewModelFor(BOB);
        stale.show(t);
        TransactionDetailViewModel other = viewModelFor(BOB);
        other.show(t);
        other.startRefund();
        other.reviewRefund();
        other.confirmRefund();
        assertThat(other.notice.get()).isEqualTo("Refunded 15.00 USD to alice@example.com (Completed).");
        assertThat(other.refundable.get()).as("nothing left").isFalse();

        stale.startRefund();
        stale.refundAmount.set("5.00");
        stale.reviewRefund();
        stale.confirmRefund();
        assertThat(stale.error.get()).isEqualTo("The refund is more than what is left to refund. (Only 0.00 USD is left to refund)");
        assertThat(stale.refundable.get()).as("what is left was read again").isFalse();
    }

    @Test
    void badAmountsAndLongReasonsAreRefusedBeforeSending() throws Exception {
        TransactionView t = alicePaysBob("6.00", "bad refund input", BOB);
        TransactionDetailViewModel viewModel = viewModelFor(BOB);
        viewModel.show(t);
        viewModel.startRefund();

        viewModel.refundAmount.set("0");
        viewModel.reviewRefund();
        assertThat(viewModel.error.get()).isEqualTo("The amount must be more than zero.");

        viewModel.refundAmount.set("abc");
        viewModel.reviewRefund();
        assertThat(viewModel.error.get()).startsWith("Enter an amount such as 25.00");

        viewModel.refundAmount.set("1.00");
        viewModel.refundReason.set("x".repeat(501));
        viewModel.reviewRefund();
        assertThat(viewModel.error.get()).isEqualTo("The reason can be at most 500 characters.");
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(refreshed).hasValue(0);
    }
}
