package coffer.app.detail;

import coffer.app.api.ApiException;
import coffer.app.api.HistoryApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.core.api.RefundTypes.RefundRequest;
import coffer.core.api.RefundTypes.RefundView;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One movement in detail: its receipt (shown, copied, saved) and, when the server would allow it, a
 * refund of what is left of it (amount and reason, a confirmation, then the result).
 *
 * <p>What may be refunded follows the server's rules ({@code RefundService}, {@code RefundTask}): money
 * that reached the user's wallet ({@code direction} "in"), a completed movement, not itself a refund,
 * reversal, hold or void, and never more than what is left after earlier refunds. Of those, only money
 * that came from another wallet is offered (see {@link #mayRefund}).
 */
public final class TransactionDetailViewModel extends ScreenViewModel {
    /** The server refuses longer reasons. */
    static final int MAX_REASON = 500;
    private static final Set<String> NOT_REFUNDABLE = Set.of("refund", "reversal", "hold", "void");

    private final HistoryApi api;
    private final ZoneId zone;
    private final Runnable onRefunded;
    /** The movement shown; null when none is. */
    public final ObjectProperty<TransactionView> transaction = new SimpleObjectProperty<>();
    /** The receipt as plain text, as copied and saved. */
    public final StringProperty receipt = new SimpleStringProperty("");
    /** "Received · Sent to a person · +25.00 USD", the receipt's heading. */
    public final StringProperty title = new SimpleStringProperty("");
    /** True when the Refund action may show: the server would take a refund of the shown movement. */
    public final BooleanProperty refundable = new SimpleBooleanProperty();
    /** What was refunded so far and what is left, in words; empty for movements that cannot be refunded. */
    public final StringProperty refundSummary = new SimpleStringProperty("");
    public final BooleanProperty refundFormShown = new SimpleBooleanProperty();
    public final StringProperty refundAmount = new SimpleStringProperty("");
    public final StringProperty refundReason = new SimpleStringProperty("");
    /** The question to confirm ("Refund 10.00 USD to alice@example.com?"); empty while editing. */
    public final StringProperty confirmation = new SimpleStringProperty("");
    public final BooleanProperty awaitingConfirmation = new SimpleBooleanProperty();
    /** What is left to refund of the shown movement; null until known or when it may not be refunded. */
    private Money left;
    private RefundRequest draft;
    private String idempotencyKey;

    /**
     * @param zone       the user's time zone, for the receipt's times
     * @param onRefunded told (on the UI thread) after a refund went through, so the history can show it
     */
    public TransactionDetailViewModel(HistoryApi api, BackgroundExecutor executor, ZoneId zone, Runnable onRefunded) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.onRefunded = Objects.requireNonNull(onRefunded, "onRefunded");
    }

    /** Shows {@code t}; when it may be refunded, asks the server what is left of it. */
    public void show(TransactionView t) {
        Objects.requireNonNull(t, "transaction");
        cancelRefund();
        state.clear();
        display(t);
    }

    /**
     * What Escape does: closes the refund form (or its confirmation) when one is open, else the detail. Nothing
     * while a confirmed refund is on its way.
     *
     * @return false when nothing was open, so Escape may mean something else
     */
    public boolean dismiss() {
        if (awaitingConfirmation.get() && state.isBusy()) {
            return true;
        }
        if (refundFormShown.get() || awaitingConfirmation.get()) {
            cancelRefund();
            return true;
        }
        if (transaction.get() == null) {
            return false;
        }
        close();
        return true;
    }

    /** Closes the detail. */
    public void close() {
        cancelRefund();
        transaction.set(null);
        receipt.set("");
        title.set("");
        refundable.set(false);
        refundSummary.set("");
        left = null;
    }

    /** The receipt for the clipboard ("Copy receipt"); the View puts it there. */
    public String copyReceipt() {
        String text = receipt.get();
        if (!text.isEmpty()) {
            state.notice(Texts.text("detail.copied"));
        }
        return text;
    }

    /** A file name to offer when saving the receipt. */
    public String receiptFileName() {
        TransactionView t = transaction.get();
        return "coffer-receipt-" + (t == null ? "transaction" : t.id()) + ".txt";
    }

    /** Writes the receipt to {@code file} in the background. */
    public void saveReceipt(Path file) {
        String text = receipt.get();
        if (text.isEmpty()) {
            return;
        }
        state.clearError();
        state.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                saved -> state.notice(Texts.text("detail.saved", saved)),
                failure -> state.fail(Texts.text("detail.saveFailed"), failure));
    }

    /** Opens the refund form with all that is left as the amount. */
    public void startRefund() {
        if (!refundable.get() || left == null) {
            return;
        }
        cancelRefund();
        refundAmount.set(AmountInput.field(left));
        refundReason.set("");
        state.clear();
        refundFormShown.set(true);
    }

    /** Checks the amount and reason and, if they are fine, asks for confirmation. */
    public void reviewRefund() {
        state.clearError();
        TransactionView t = transaction.get();
        if (t == null || !refundable.get() || left == null) {
            return;
        }
        String text = refundAmount.get() == null ? "" : refundAmount.get().strip();
        Optional<String> problem = AmountInput.problem(text, t.currency());
        if (problem.isPresent()) {
            state.error(problem.get());
            return;
        }
        Money amount = Money.parse(AmountInput.plain(text), t.currency());
        if (amount.isGreaterThan(left)) {
            state.error(Texts.text("detail.refund.tooMuch", Amounts.format(left)));
            return;
        }
        String reason = refundReason.get() == null ? "" : refundReason.get().strip();
        if (reason.length() > MAX_REASON) {
            state.error(Texts.text("detail.refund.reasonTooLong", MAX_REASON));
            return;
        }
        // always the exact amount confirmed: should another refund race this one, the server refuses
        // rather than refunding a different sum than the user agreed to
        draft = new RefundRequest(t.id(), amount.toDecimalString(), reason.isEmpty() ? null : reason);
        idempotencyKey = UUID.randomUUID().toString();
        confirmation.set(Texts.text("detail.refund.question", Amounts.format(amount), sender(t)));
        awaitingConfirmation.set(true);
    }

    /** Closes the refund form and its confirmation; nothing is sent. */
    public void cancelRefund() {
        draft = null;
        idempotencyKey = null;
        confirmation.set("");
        awaitingConfirmation.set(false);
        refundFormShown.set(false);
    }

    /** Sends the confirmed refund. A retry after a network failure reuses its key, so money moves once. */
    public void confirmRefund() {
        if (draft == null || state.isBusy()) {
            return;
        }
        RefundRequest request = draft;
        String key = idempotencyKey;
        TransactionView original = transaction.get();
        state.clearError();
        state.notice(Texts.text("detail.refunding"));
        state.begin(() -> api.refund(key, request), refund -> {
            cancelRefund();
            state.notice(Texts.text("detail.refunded", Amounts.format(refund.amount(), refund.currency()),
                    sender(original), Names.status(refund.status())));
            reload(original.id());
            onRefunded.run();
        }, failure -> {
            state.notice("");
            state.error(failure);
            if (!(failure instanceof ApiException e && e.kind() == ApiException.Kind.NETWORK_DOWN)) {
                draft = null;
                idempotencyKey = null;
                confirmation.set("");
                awaitingConfirmation.set(false);
                // what is left may have changed under the user's feet
                reload(original.id());
            }
        });
    }

    /**
     * Whether the server would take a refund of {@code t} at all, before counting what is left, and
     * the money came from another wallet. Money from a system account (a top-up from the provider) is
     * not offered: this refund would only move it back to that account, while a top-up's own refund
     * ({@code /api/v1/topups/{id}/refunds}) pays the card back.
     */
    static boolean mayRefund(TransactionView t) {
        return "in".equals(t.direction()) && "completed".equals(t.status()) && !NOT_REFUNDABLE.contains(t.kind())
                && t.counterpartyWalletId() != null;
    }

    private void display(TransactionView t) {
        transaction.set(t);
        receipt.set(Receipt.text(t, zone));
        title.set(heading(t));
        left = null;
        refundable.set(false);
        refundSummary.set("");
        if (mayRefund(t)) {
            state.run(() -> api.refunds(t.id()), refunds -> {
                if (t.equals(transaction.get())) {
                    showRefunds(t, refunds);
                }
            });
        }
    }

    private void reload(String transactionId) {
        state.run(() -> api.transaction(transactionId), fresh -> {
            TransactionView shown = transaction.get();
            if (shown != null && shown.id().equals(fresh.id())) {
                display(fresh);
            }
        });
    }

    private void showRefunds(TransactionView t, List<RefundView> refunds) {
        Money amount = Money.parse(t.amount(), t.currency());
        Money refunded = Money.zero(amount.currency());
        for (RefundView r : refunds) {
            if ("completed".equals(r.status())) {
                refunded = refunded.plus(Money.parse(r.amount(), r.currency()));
            }
        }
        left = amount.minus(refunded);
        refundable.set(left.isPositive());
        refundSummary.set(refunded.isPositive()
                ? Texts.text("detail.refund.soFar", Amounts.format(refunded), Amounts.format(left))
                : Texts.text("detail.refund.left", Amounts.format(left)));
    }

    private static String heading(TransactionView t) {
        return Texts.text("out".equals(t.direction()) ? "detail.title.out" : "detail.title.in", Names.kind(t.kind()),
                Receipt.amount(t));
    }

    private static String sender(TransactionView t) {
        return t.counterparty() != null ? t.counterparty() : Texts.text("detail.theSender");
    }
}
