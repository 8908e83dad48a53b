package coffer.app.send;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.wallet.WalletRow;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.money.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Move money between the user's own wallets of one currency. The transfer goes through the outbox like
 * a payment: on disk first, then sent; while Coffer cannot be reached it waits there, queued.
 */
public final class TransferViewModel implements OutboxSender.Listener {
    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final OutboxSender outbox;
    private final LastSyncedWallets lastSynced;
    /** The confirmed transfer waiting for the outbox to send it; null when none. */
    private String waitingFor;
    private final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    private final ObjectProperty<WalletRow> from = new SimpleObjectProperty<>();
    private final ObjectProperty<WalletRow> to = new SimpleObjectProperty<>();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public TransferViewModel(ApiClient api, BackgroundExecutor executor, OutboxSender outbox,
                             LastSyncedWallets lastSynced) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
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

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void load() {
        busy.set(true);
        executor.submit(() -> lastSynced.onlineOrLastSynced(api::accounts), accounts -> {
            busy.set(false);
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            if (wallets.size() < 2) {
                error.set("Open a second wallet on the Wallets screen to move money between your wallets.");
            }
        }, this::fail);
    }

    public void transfer() {
        error.set("");
        result.set("");
        WalletRow source = from.get();
        WalletRow target = to.get();
        if (source == null || target == null) {
            error.set("Choose both wallets.");
            return;
        }
        if (source.id().equals(target.id())) {
            error.set("Choose two different wallets.");
            return;
        }
        if (!source.currency().equals(target.currency())) {
            error.set("Both wallets must hold the same currency (" + source.currency() + " and " + target.currency() + ").");
            return;
        }
        Optional<String> problem = AmountInput.problem(amount.get(), source.currency());
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        Money money = Money.parse(amount.get(), source.currency());
        busy.set(true);
        TransferRequest request = new TransferRequest(source.id(), target.id(), money.toDecimalString(),
                source.currency(), null);
        UUID clientId = UUID.randomUUID();
        waitingFor = clientId.toString();
        outbox.queue(() -> outbox.outbox().enqueueTransfer(clientId, request, Amounts.format(money)),
                entry -> amount.set(""), failure -> {
                    waitingFor = null;
                    fail(failure);
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
                executor.submit(api::accounts, accounts -> {
                    busy.set(false);
                    wallets.setAll(accounts.stream().map(WalletRow::of).toList());
                    result.set("Moved " + entry.summary() + " between your wallets.");
                }, this::fail);
            }
            case FAILED -> {
                waitingFor = null;
                fail(entry.errorMessage());
            }
            default -> {
                busy.set(false);
                result.set(OutboxRow.QUEUED + ": " + entry.summary() + " between your wallets.");
            }
        }
    }

    private void fail(Throwable failure) {
        fail(Problems.describe(failure));
    }

    private void fail(String message) {
        busy.set(false);
        error.set(message);
    }
}
