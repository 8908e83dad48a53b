package coffer.app.send;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.wallet.WalletRow;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Send money to an email or a wallet id: fill in, review, confirm, then watch the payment's status
 * (pending → processing → completed | failed) update by itself. A confirmed payment goes into the
 * outbox first, online or not, and the outbox sends it: while Coffer cannot be reached it shows as
 * queued, in the list of unfinished operations, and is sent when Coffer is back.
 */
public final class SendViewModel extends ScreenViewModel implements OutboxSender.Listener {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WALLET_ID = Pattern.compile("wal_[0-9A-Za-z]+");
    /** About ten minutes at the default interval; the payment keeps going on the server after that. */
    static final int MAX_POLLS = 1200;

    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final Duration pollInterval;
    private final OutboxSender outbox;
    private final LastSyncedWallets lastSynced;
    private final ObservableList<OutboxRow> unfinished = FXCollections.observableArrayList();
    /** The confirmed payment waiting for the outbox to send it; null when none. */
    private String waitingFor;
    /** The payment whose status is shown until it is final; null when none is under way. */
    private PaymentView tracked;
    private final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    private final ObjectProperty<WalletRow> source = new SimpleObjectProperty<>();
    private final StringProperty destination = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty availableNow = new SimpleStringProperty("");
    private final BooleanProperty awaitingConfirmation = new SimpleBooleanProperty();
    private PaymentRequest draft;
    private String summary;

    public SendViewModel(ApiClient api, BackgroundExecutor executor, Duration pollInterval, OutboxSender outbox,
                         LastSyncedWallets lastSynced) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.lastSynced = Objects.requireNonNull(lastSynced, "lastSynced");
        outbox.addListener(this);
    }

    /** Payments and transfers not yet answered by the server, and refusals not yet dismissed, in order. */
    public ObservableList<OutboxRow> unfinished() {
        return unfinished;
    }

    public ObservableList<WalletRow> wallets() {
        return wallets;
    }

    public ObjectProperty<WalletRow> sourceProperty() {
        return source;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The question to confirm ("Send 25.00 USD to bob@example.com?"); empty while editing. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** The payment's status in words, updated until it is final. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The source wallet's available balance once the payment is final. */
    public StringProperty availableNowProperty() {
        return availableNow;
    }

    public BooleanProperty awaitingConfirmationProperty() {
        return awaitingConfirmation;
    }

    public void load() {
        refreshUnfinished();
        state.run(() -> lastSynced.onlineOrLastSynced(api::accounts), accounts -> {
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            if (!wallets.isEmpty()) {
                source.set(wallets.get(0));
            }
        });
    }

    /** Checks the form and, if it is fine, asks for confirmation. */
    public void review() {
        state.clearError();
        WalletRow from = source.get();
        String to = destination.get() == null ? "" : destination.get().strip();
        if (from == null) {
            state.error("Choose the wallet to pay from.");
            return;
        }
        if (!EMAIL.matcher(to).matches() && !WALLET_ID.matcher(to).matches()) {
            state.error("Enter the recipient's email address or wallet id (wal_…).");
            return;
        }
        Optional<String> problem = AmountInput.problem(amount.get(), from.currency());
        if (problem.isPresent()) {
            state.error(problem.get());
            return;
        }
        Money money = Money.parse(amount.get(), from.currency());
        if (money.isGreaterThan(Money.parse(from.availableDecimal(), from.currency()))) {
            state.error("That is more than the " + from.available() + " available in this wallet.");
            return;
        }
        String note = description.get() == null || description.get().isBlank() ? null : description.get().strip();
        draft = new PaymentRequest(money.toDecimalString(), from.currency(), from.id(), to, note, null);
        summary = Amounts.format(money) + " to " + to;
        confirmation.set("Send " + Amounts.format(money) + " to " + to + " from your " + from.currency() + " wallet?");
        awaitingConfirmation.set(true);
    }

    public void cancel() {
        draft = null;
        summary = null;
        confirmation.set("");
        awaitingConfirmation.set(false);
    }

    /**
     * Puts the reviewed payment in the outbox (on disk before anything is sent) under a new client id,
     * and asks the outbox to send it. Every attempt carries the same key, so money moves once.
     */
    public void confirm() {
        if (draft == null) {
            return;
        }
        state.working();
        state.clearError();
        PaymentRequest request = draft;
        String words = summary;
        UUID clientId = UUID.randomUUID();
        waitingFor = clientId.toString();
        outbox.queue(() -> outbox.outbox().enqueuePayment(clientId, request, words), entry -> {
            cancel();
            amount.set("");
        }, this::notQueued);
    }

    /** The outbox moved an entry on: the payment confirmed here was sent, refused, or is waiting for Coffer. */
    @Override
    public void outboxChanged(OutboxEntry entry) {
        refreshUnfinished();
        if (!entry.clientId().equals(waitingFor) || entry.kind() != OutboxEntry.Kind.PAYMENT) {
            return;
        }
        switch (entry.state()) {
            case SENT -> {
                waitingFor = null;
                track(answered(entry));
            }
            case FAILED -> {
                waitingFor = null;
                state.fail(entry.errorMessage());
            }
            default -> {
                state.done();
                status.set(OutboxRow.QUEUED + ": " + entry.summary());
            }
        }
    }

    /** The payment as the server's answer describes it, with what the user asked for. */
    private static PaymentView answered(OutboxEntry entry) {
        PaymentRequest asked = Outbox.payment(entry);
        return new PaymentView(entry.serverId(), entry.serverStatus(), asked.amount(), asked.currency(),
                asked.sourceWalletId(), asked.destination(), asked.description(), asked.metadata(), null, null, null,
                null);
    }

    /** Removes a refused operation from the list once the user has read why. */
    public void dismiss(OutboxRow row) {
        if (row == null || !row.failed()) {
            return;
        }
        state.background(() -> {
            outbox.outbox().dismiss(row.clientId());
            return outbox.outbox().unfinished();
        }, this::showUnfinished);
    }

    private void refreshUnfinished() {
        state.background(outbox.outbox()::unfinished, this::showUnfinished);
    }

    private void showUnfinished(java.util.List<OutboxEntry> entries) {
        unfinished.setAll(entries.stream().map(OutboxRow::of).toList());
    }

    /** The server announced a change: the payment under way may have moved on. */
    public void refresh() {
        PaymentView under = tracked;
        if (under == null) {
            return;
        }
        executor.submit(() -> api.payment(under.paymentId()), next -> {
            if (tracked != null && tracked.paymentId().equals(next.paymentId())) {
                status.set(describe(next));
                if (isFinal(next.status())) {
                    finish(next);
                }
            }
        }, failure -> { });
    }

    /** Shows the payment's status as the server answers, every poll interval, until it is final. */
    private void track(PaymentView payment) {
        state.<PaymentView>poll(pollInterval).times(MAX_POLLS)
                .onAnswer(p -> {
                    tracked = p;
                    status.set(describe(p));
                })
                .finalWhen(p -> isFinal(p.status()), this::finish)
                .onGiveUp(p -> {
                    state.done();
                    status.set(describe(p) + " — still under way; it will show in the history when done.");
                })
                .from(payment, () -> api.payment(payment.paymentId()));
    }

    private void finish(PaymentView payment) {
        tracked = null;
        state.stopPolling();    // the event stream may have seen it finish first
        state.finish(api::accounts, accounts -> {
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            wallets.stream().filter(w -> w.id().equals(payment.sourceWalletId())).findFirst().ifPresent(w -> {
                source.set(w);
                availableNow.set("Available now: " + w.available());
            });
        });
    }

    /** A status this version does not know is not final: the payment keeps being watched. */
    private static boolean isFinal(String status) {
        return TransactionStatus.find(status).filter(TransactionStatus::isFinal).isPresent();
    }

    private static String describe(PaymentView p) {
        String what = Amounts.format(p.amount(), p.currency()) + " to " + p.destination();
        return switch (p.status()) {
            case "pending" -> "Pending: " + what;
            case "processing" -> "Processing: " + what;
            case "completed" -> "Completed: " + what;
            case "failed" -> "Failed: " + what + " — " + Problems.reason(p.failureReason());
            default -> p.status() + ": " + what;
        };
    }

    private void notQueued(Throwable failure) {
        waitingFor = null;
        state.fail(failure);
    }
}
