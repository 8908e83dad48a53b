package coffer.app.send;

import coffer.app.api.AccountsApi;
import coffer.app.api.PaymentsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.receive.PaymentRequestLink;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.api.PaymentTypes;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Send money to an email or a wallet id: fill in (by hand, or from a payment request someone shared, a
 * {@code coffer:pay?…} link), review, confirm, then watch the payment's status (pending → processing → completed |
 * failed) update by itself. A confirmed payment goes into the outbox first, online or not, and the outbox sends it:
 * while Coffer cannot be reached it shows as queued, in the list of unfinished operations, and is sent when Coffer
 * is back.
 */
public final class SendViewModel extends ScreenViewModel implements OutboxSender.Listener {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WALLET_ID = Pattern.compile("wal_[0-9A-Za-z]+");
    /** How a payment request's text starts. */
    private static final String REQUEST = "coffer:pay?";
    /** About ten minutes at the default interval; the payment keeps going on the server after that. */
    static final int MAX_POLLS = 1200;

    private final PaymentsApi api;
    private final AccountsApi accounts;
    private final BackgroundExecutor executor;
    private final Duration pollInterval;
    private final OutboxSender outbox;
    private final OutboxWatch confirmed;
    private final LastSyncedWallets lastSynced;
    /** Payments and transfers not yet answered by the server, and refusals not yet dismissed, in order. */
    public final ObservableList<OutboxRow> unfinished = FXCollections.observableArrayList();
    /** The payment whose status is shown until it is final; null when none is under way. */
    private PaymentView tracked;
    private final WalletChoice choice = new WalletChoice();
    public final ObservableList<WalletRow> wallets = choice.wallets;
    public final ObjectProperty<WalletRow> source = choice.chosen;
    public final StringProperty destination = new SimpleStringProperty("");
    public final StringProperty amount = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    /** The question to confirm ("Send 25.00 USD to bob@example.com?"); empty while editing. */
    public final StringProperty confirmation = new SimpleStringProperty("");
    /** The payment's status in words, updated until it is final. */
    public final StringProperty status = new SimpleStringProperty("");
    /** The source wallet's available balance once the payment is final. */
    public final StringProperty availableNow = new SimpleStringProperty("");
    public final BooleanProperty awaitingConfirmation = new SimpleBooleanProperty();
    private PaymentRequest draft;
    /** The payment request the form was filled from, while its recipient stays in the form; null otherwise. */
    private PaymentRequestLink request;

    public SendViewModel(PaymentsApi api, AccountsApi accounts, BackgroundExecutor executor, Duration pollInterval,
                         OutboxSender outbox, LastSyncedWallets lastSynced) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.confirmed = new OutboxWatch(state, outbox);
        this.lastSynced = Objects.requireNonNull(lastSynced, "lastSynced");
        destination.addListener((o, was, now) -> destinationChanged(now));
        outbox.addListener(this);
    }

    public void load() {
        refreshUnfinished();
        state.run(() -> lastSynced.onlineOrLastSynced(accounts::accounts), choice::show);
    }

    /** Checks the form and, if it is fine, asks for confirmation; a payment request typed as the recipient is read instead. */
    public void review() {
        state.clear();
        if (isRequest(destination.get())) {
            usePaymentRequest(destination.get());
            return;
        }
        WalletRow from = source.get();
        String to = strip(destination.get());
        if (from == null) {
            state.error(Texts.text("send.error.noWallet"));
            return;
        }
        if (!EMAIL.matcher(to).matches() && !WALLET_ID.matcher(to).matches()) {
            state.error(Texts.text("send.error.recipient"));
            return;
        }
        if (request != null && request.amount() != null && !request.amount().currencyCode().equals(from.currency())) {
            state.error(Texts.text("send.request.otherCurrency", request.amount().currencyCode()));
            return;
        }
        Optional<Money> read = AmountInput.read(amount.get(), from.currency(), state::error);
        if (read.isEmpty()) {
            return;
        }
        Money money = read.get();
        if (money.isGreaterThan(Money.parse(from.availableDecimal(), from.currency()))) {
            state.error(Texts.text("send.error.moreThanAvailable", from.available()));
            return;
        }
        String note = description.get() == null || description.get().isBlank() ? null : description.get().strip();
        draft = new PaymentRequest(money.toDecimalString(), from.currency(), from.id(), to, note, null);
        confirmation.set(Texts.text("send.confirmation", Amounts.format(money), to, from.currency()));
        awaitingConfirmation.set(true);
    }

    /**
     * Fills the form from a payment request's text ({@code coffer:pay?to=wal_…&amount=…}, pasted or scanned): the
     * recipient, the amount and the note it asks for, and a wallet of its currency to pay from. Nothing is sent: the
     * user reviews and confirms as always. Text that is no valid request fills nothing and says so.
     */
    public void usePaymentRequest(String text) {
        cancel();
        state.clear();
        Optional<PaymentRequestLink> read = PaymentRequestLink.parse(text);
        if (read.isEmpty()) {
            state.error(Texts.text(text == null || text.isBlank() ? "send.request.none" : "send.request.invalid"));
            return;
        }
        PaymentRequestLink link = read.get();
        destination.set(recipient(link));
        request = link;
        amount.set(link.amount() == null ? "" : AmountInput.field(link.amount()));
        description.set(link.note() == null ? "" : link.note());
        if (link.amount() != null) {
            String currency = link.amount().currencyCode();
            List<WalletRow> payable = wallets.stream().filter(w -> w.currency().equals(currency)).toList();
            if (payable.isEmpty()) {
                state.error(Texts.text("send.request.noWallet", currency));
                return;
            }
            source.set(payable.stream().filter(w -> !w.locked()).findFirst().orElse(payable.get(0)));
        }
        state.notice(link.email() == null ? Texts.text("send.request.filled")
                : Texts.text("send.request.filledFrom", link.email()));
    }

    /**
     * Text was pasted into the recipient field: a whole payment request is read at once. (Typed one letter at a time,
     * it is read on review.) The view calls this once the field has taken the paste in.
     */
    public void pasted(String text) {
        if (isRequest(text)) {
            usePaymentRequest(text);
        }
    }

    /** A recipient typed over the one a payment request filled in ends that request. */
    private void destinationChanged(String now) {
        if (request != null && !strip(now).equals(recipient(request))) {
            request = null;
        }
    }

    /** Whom a request asks to pay: its wallet, or its owner's email when it names no wallet. */
    private static String recipient(PaymentRequestLink link) {
        return link.walletId() != null ? link.walletId() : link.email();
    }

    private static boolean isRequest(String text) {
        return strip(text).regionMatches(true, 0, REQUEST, 0, REQUEST.length());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public void cancel() {
        draft = null;
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
        PaymentRequest payment = draft;
        String words = Texts.text("send.summary", Amounts.format(payment.amount(), payment.currency()),
                payment.destination());
        confirmed.queue((box, clientId) -> box.enqueuePayment(clientId, payment, words), entry -> {
            cancel();
            amount.set("");
        });
    }

    /** The outbox moved an entry on: the payment confirmed here was sent, refused, or is waiting for Coffer. */
    @Override
    public void outboxChanged(OutboxEntry entry) {
        refreshUnfinished();
        confirmed.changed(entry, sent -> track(answered(sent)), waiting -> {
            PaymentRequest payment = Outbox.payment(waiting);
            status.set(OutboxRow.queued(Texts.text("send.summary", Amounts.format(payment.amount(), payment.currency()),
                    payment.destination())));
        });
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

    private void showUnfinished(List<OutboxEntry> entries) {
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
                    status.set(awaitingApproval(p) ? Texts.text("send.status.awaitingApproval", describe(p)) : describe(p));
                })
                // awaiting an owner's or admin's decision, which may take days: the history shows how it ends
                .finalWhen(p -> isFinal(p.status()) || awaitingApproval(p), this::finish)
                .onGiveUp(p -> {
                    state.done();
                    status.set(Texts.text("send.status.stillUnderWay", describe(p)));
                })
                .from(payment, () -> api.payment(payment.paymentId()));
    }

    private void finish(PaymentView payment) {
        tracked = null;
        state.stopPolling();    // the event stream may have seen it finish first
        state.finish(accounts::accounts, list -> choice.show(list, payment.sourceWalletId())
                .ifPresent(w -> availableNow.set(Texts.text("money.availableNow", w.available()))));
    }

    /** A status this version does not know is not final: the payment keeps being watched. */
    private static boolean isFinal(String status) {
        return TransactionStatus.find(status).filter(TransactionStatus::isFinal).isPresent();
    }

    private static boolean awaitingApproval(PaymentView p) {
        return PaymentTypes.PENDING_APPROVAL.equals(p.status());
    }

    /** "Completed: 25.00 USD to bob@example.com", a failure with its reason. */
    private static String describe(PaymentView p) {
        String amount = Amounts.format(p.amount(), p.currency());
        return TransactionStatus.FAILED.wire().equals(p.status())
                ? Texts.text("send.status.failed", Names.status(p.status()), amount, p.destination(),
                        Problems.reason(p.failureReason()))
                : Texts.text("send.status", Names.status(p.status()), amount, p.destination());
    }
}
