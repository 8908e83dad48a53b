package coffer.app.send;

import coffer.app.api.AccountsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.i18n.Texts;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.wallet.WalletRow;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.money.Money;
import java.util.Objects;
import java.util.Optional;
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
    private final AccountsApi accounts;
    private final OutboxWatch confirmed;
    private final LastSyncedWallets lastSynced;
    public final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    public final ObjectProperty<WalletRow> from = new SimpleObjectProperty<>();
    public final ObjectProperty<WalletRow> to = new SimpleObjectProperty<>();
    public final StringProperty amount = new SimpleStringProperty("");
    /** What became of the last transfer, in words. */
    public final StringProperty result = new SimpleStringProperty("");
    /** Whose wallets these are when not the user's: an organization's name; null for the user's own. */
    private String organization;

    public TransferViewModel(AccountsApi accounts, BackgroundExecutor executor, OutboxSender outbox,
                             LastSyncedWallets lastSynced) {
        super(executor);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.confirmed = new OutboxWatch(state, outbox);
        this.lastSynced = Objects.requireNonNull(lastSynced, "lastSynced");
        outbox.addListener(this);
    }

    /** The wallets shown are {@code name}'s, an organization's. */
    public void actFor(String name) {
        organization = Objects.requireNonNull(name, "name");
    }

    public void load() {
        state.run(() -> lastSynced.onlineOrLastSynced(accounts::accounts), list -> {
            wallets.setAll(list.stream().map(WalletRow::of).toList());
            if (wallets.size() < 2) {
                state.error(organization == null ? Texts.text("transfer.error.secondWallet")
                        : Texts.text("transfer.error.secondWallet.organization", organization));
            }
        });
    }

    public void transfer() {
        state.clearError();
        result.set("");
        WalletRow source = from.get();
        WalletRow target = to.get();
        if (source == null || target == null) {
            state.error(Texts.text("transfer.error.chooseBoth"));
            return;
        }
        if (source.id().equals(target.id())) {
            state.error(Texts.text("transfer.error.same"));
            return;
        }
        if (!source.currency().equals(target.currency())) {
            state.error(Texts.text("transfer.error.currencies", source.currency(), target.currency()));
            return;
        }
        Optional<Money> money = AmountInput.read(amount.get(), source.currency(), state::error);
        if (money.isEmpty()) {
            return;
        }
        TransferRequest request = new TransferRequest(source.id(), target.id(), money.get().toDecimalString(),
                source.currency(), null);
        confirmed.queue((box, clientId) -> box.enqueueTransfer(clientId, request, Amounts.format(money.get())),
                entry -> amount.set(""));
    }

    /** The outbox moved an entry on: the transfer confirmed here was made, refused, or is waiting for Coffer. */
    @Override
    public void outboxChanged(OutboxEntry entry) {
        confirmed.changed(entry, sent -> state.finish(accounts::accounts, list -> {
            wallets.setAll(list.stream().map(WalletRow::of).toList());
            result.set(Texts.text("transfer.moved", moved(sent)));
        }), waiting -> result.set(Texts.text("transfer.queued", moved(waiting))));
    }

    private static String moved(OutboxEntry entry) {
        TransferRequest transfer = Outbox.transfer(entry);
        return Amounts.format(transfer.amount(), transfer.currency());
    }
}
