package coffer.app.wallet;

import coffer.core.api.AccountTypes.AccountView;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The user's wallets in a picker, and the one chosen; the first is chosen until the user picks. */
public final class WalletChoice {
    public final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    public final ObjectProperty<WalletRow> chosen = new SimpleObjectProperty<>();

    /** Shows the server's wallets, keeping the choice (as it is now) or choosing the first. */
    public void show(List<AccountView> accounts) {
        String was = chosen.get() == null ? null : chosen.get().id();
        wallets.setAll(accounts.stream().map(WalletRow::of).toList());
        chosen.set(wallets.stream().filter(w -> w.id().equals(was)).findFirst()
                .orElse(wallets.isEmpty() ? null : wallets.get(0)));
    }

    /** Shows the server's wallets and chooses {@code walletId}'s, answering it as it is now. */
    public Optional<WalletRow> show(List<AccountView> accounts, String walletId) {
        show(accounts);
        Optional<WalletRow> found = wallets.stream().filter(w -> w.id().equals(walletId)).findFirst();
        found.ifPresent(chosen::set);
        return found;
    }
}
