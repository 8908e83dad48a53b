package coffer.app.send;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.wallet.WalletRow;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.money.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Move money between the user's own wallets of one currency. The transfer goes through the outbox like
 * a payment: on disk first, then sent; while Coffer cannot be reached it waits there, queued.
 */
public final class TransferViewModel extends ScreenViewModel implements OutboxSender.Listener {
    private final ApiClient api;
    private final OutboxSender outbox;
    private final LastSyncedWallets lastSynced;
    /** The confirmed transfer waiting for the outbox to send it; null when none. */
    private String waitingFor;
    private final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    private final ObjectProperty<WalletRow> from = new SimpleObjectProperty<>();
    private final ObjectProperty<WalletRow> to = new SimpleObjectProperty<>();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");

    public TransferViewModel(ApiClient api, BackgroundExecutor executor, OutboxSender outbox,
                             LastSyncedWallets lastSynced) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.lastSynced = Objects.requireNonNull(lastSynced, "lastSynced");
        outbox.addListener(this);
    }

    public ObservableList<WalletRow> wallets() {
        return wallets;
    }

    public ObjectProperty<WalletRow> fromProperty() {
        return from;
    }

    public ObjectProperty<WalletRow> toProperty() {
        return to;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public void load() {
        state.run(() -> lastSynced.onlineOrLastSynced(api::accounts), accounts -> {
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            if (wallets.size() < 2) {
                state.error("Open a second wallet on the Wallets screen to move money between your wallets.");
            }
        });
    }

    public void transfer() {
        state.clearError();
        result.set("");
        WalletRow source = from.get();
        WalletRow target = to.get();
        if (source == null || target == null) {
            state.error("Choose both wallets.");
            return;
        }
        if (source.id().equals(target.id())) {
            state.error("Choose two different wallets.");
            return;
        }
        if (!source.currency().equals(target.currency())) {
            state.error("Both wallets must hold the same currency (" + source.currency() + " and " + target.currency() + ").");
            return;
        }
        Optional<String> problem = AmountInput.problem(amount.get(), source.currency());
        if (problem.isPresent()) {
            state.error(problem.get());
            return;
        }
        Money money = Money.parse(amount.get(), source.currency());
        state.working();
        TransferRequest request = new TransferRequest(source.id(), target.id(), money.toDecimalString(),
                source.currency(), null);
        UUID clientId = UUID.randomUUID();
        waitingFor = clientId.toString();
        outbox.queue(() -> outbox.outbox().enqueueTransfer(clientId, request, Amounts.format(money)),
                entry -> amount.set(""), failure -> {
                    waitingFor = null;
                    state.fail(failure);
                });
    }

    /** The outbox moved an entry on: the transfer confirmed here was made, refused, or is waiting for Coffer. */
    @Override
    public void outboxChanged(OutboxEntry entry) {
        if (!entry.clientId().equals(waitingFor)) {
            return;
        }
        switch (entry.state()) {
            case SENT -> {
                waitingFor = null;
                state.finish(api::accounts, accounts -> {
                    wallets.setAll(accounts.stream().map(WalletRow::of).toList());
                    result.set("Moved " + entry.summary() + " between your wallets.");
                });
            }
            case FAILED -> {
                waitingFor = null;
                state.fail(entry.errorMessage());
            }
            default -> {
                state.done();
                result.set(OutboxRow.QUEUED + ": " + entry.summary() + " between your wallets.");
            }
        }
    }
}
