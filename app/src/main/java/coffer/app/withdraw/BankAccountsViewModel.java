package coffer.app.withdraw;

import coffer.app.api.ApiClient;
import coffer.core.api.BankTypes.BankAccountView;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's saved bank accounts: list, add (the holder's name, as the provider resolves it, is shown
 * before saving) and remove.
 */
public final class BankAccountsViewModel extends ScreenViewModel {
    private static final Pattern BANK_CODE = Pattern.compile("\\d{3}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{10}");

    private final ApiClient api;
    private final ObservableList<BankAccountRow> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<BankAccountRow> selected = new SimpleObjectProperty<>();
    private final StringProperty bankCode = new SimpleStringProperty("");
    private final StringProperty accountNumber = new SimpleStringProperty("");
    private final StringProperty resolvedName = new SimpleStringProperty("");
    private final BooleanProperty canSave = new SimpleBooleanProperty();
    /** The bank code and number the shown name belongs to; saving needs the name of what is typed now. */
    private String resolvedFor;

    public BankAccountsViewModel(ApiClient api, BackgroundExecutor executor) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        bankCode.addListener((o, was, now) -> forgetResolution());
        accountNumber.addListener((o, was, now) -> forgetResolution());
    }

    public ObservableList<BankAccountRow> accounts() {
        return accounts;
    }

    public ObjectProperty<BankAccountRow> selectedProperty() {
        return selected;
    }

    public StringProperty bankCodeProperty() {
        return bankCode;
    }

    public StringProperty accountNumberProperty() {
        return accountNumber;
    }

    /** "Account holder: ..." once the provider named the account typed; empty otherwise. */
    public StringProperty resolvedNameProperty() {
        return resolvedName;
    }

    /** True once the account typed was resolved: a user sees whose account it is before saving it. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave;
    }

    public void load() {
        run(api::bankAccounts, list -> { });
    }

    /** Asks the provider whose account the bank code and number typed are. */
    public void resolve() {
        state.clear();
        String code = strip(bankCode.get());
        String number = strip(accountNumber.get());
        if (!BANK_CODE.matcher(code).matches()) {
            state.error("Enter the bank's 3-digit code, such as 044.");
            return;
        }
        if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            state.error("Enter the 10-digit account number.");
            return;
        }
        state.run(() -> api.resolveBankAccount(code, number), resolved -> {
            if (!code.equals(strip(bankCode.get())) || !number.equals(strip(accountNumber.get()))) {
                return;     // the user typed on meanwhile
            }
            resolvedName.set("Account holder: " + resolved.accountName());
            resolvedFor = code + "/" + number;
            canSave.set(true);
        });
    }

    /** Saves the account typed, once its holder's name was shown. */
    public void save() {
        String code = strip(bankCode.get());
        String number = strip(accountNumber.get());
        if (!canSave.get() || !(code + "/" + number).equals(resolvedFor)) {
            state.error("Look the account up first, to see whose it is.");
            return;
        }
        state.clearError();
        run(() -> {
            api.addBankAccount(code, number);
            return api.bankAccounts();
        }, list -> {
            bankCode.set("");
            accountNumber.set("");
            state.notice("Saved the account ending " + number.substring(6) + ".");
        });
    }

    public void removeSelected() {
        BankAccountRow account = selected.get();
        if (account == null) {
            state.error("Choose the account to remove.");
            return;
        }
        state.clearError();
        run(() -> {
            api.removeBankAccount(account.id());
            return api.bankAccounts();
        }, list -> state.notice("Removed the account ending " + account.last4() + "."));
    }

    private void run(Callable<List<BankAccountView>> work,
                     Consumer<List<BankAccountView>> then) {
        state.run(work, list -> {
            accounts.setAll(list.stream()
                    .map(a -> new BankAccountRow(a.bankAccountId(), a.bankCode(), a.accountName(), a.accountNumberLast4()))
                    .toList());
            then.accept(list);
        });
    }

    private void forgetResolution() {
        resolvedFor = null;
        resolvedName.set("");
        canSave.set(false);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
