package coffer.app.withdraw;

import coffer.app.api.WithdrawalsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.concurrent.ServerList;
import coffer.app.i18n.Texts;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The user's saved bank accounts: list, add (the holder's name, as the provider resolves it, is shown
 * before saving) and remove.
 */
public final class BankAccountsViewModel extends ScreenViewModel {
    private static final Pattern BANK_CODE = Pattern.compile("\\d{3}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{10}");

    private final WithdrawalsApi api;
    private final ServerList<BankAccountRow> list;
    public final ObservableList<BankAccountRow> accounts;
    /** The account chosen; null when none is. */
    public final ObjectProperty<BankAccountRow> selected;
    public final StringProperty bankCode = new SimpleStringProperty("");
    public final StringProperty accountNumber = new SimpleStringProperty("");
    /** "Account holder: ..." once the provider named the account typed; empty otherwise. */
    public final StringProperty resolvedName = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper canSaveWrapper = new ReadOnlyBooleanWrapper();
    /** True once the account typed was resolved: a user sees whose account it is before saving it. */
    public final ReadOnlyBooleanProperty canSave = canSaveWrapper.getReadOnlyProperty();
    /** The bank code and number the shown name belongs to; saving needs the name of what is typed now. */
    private String resolvedFor;

    public BankAccountsViewModel(WithdrawalsApi api, BackgroundExecutor executor) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.list = new ServerList<>(state, () -> api.bankAccounts().stream().map(BankAccountRow::of).toList());
        this.accounts = list.items;
        this.selected = list.selected;
        bankCode.addListener((o, was, now) -> forgetResolution());
        accountNumber.addListener((o, was, now) -> forgetResolution());
    }

    public void load() {
        list.load();
    }

    /** Asks the provider whose account the bank code and number typed are. */
    public void resolve() {
        state.clear();
        String code = strip(bankCode.get());
        String number = strip(accountNumber.get());
        if (!BANK_CODE.matcher(code).matches()) {
            state.error(Texts.text("withdraw.accounts.bankCode"));
            return;
        }
        if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            state.error(Texts.text("withdraw.accounts.number"));
            return;
        }
        state.run(() -> api.resolveBankAccount(code, number), resolved -> {
            if (!code.equals(strip(bankCode.get())) || !number.equals(strip(accountNumber.get()))) {
                return;     // the user typed on meanwhile
            }
            resolvedName.set(Texts.text("withdraw.accounts.holder", resolved.accountName()));
            resolvedFor = code + "/" + number;
            canSaveWrapper.set(true);
        });
    }

    /** Saves the account typed, once its holder's name was shown. */
    public void save() {
        String code = strip(bankCode.get());
        String number = strip(accountNumber.get());
        if (!canSave.get() || !(code + "/" + number).equals(resolvedFor)) {
            state.error(Texts.text("withdraw.accounts.lookUpFirst"));
            return;
        }
        state.clearError();
        list.change(() -> api.addBankAccount(code, number),
                Texts.text("withdraw.accounts.saved", number.substring(number.length() - 4)), () -> {
                    bankCode.set("");
                    accountNumber.set("");
                });
    }

    public void removeSelected() {
        list.removeSelected(Texts.text("withdraw.accounts.noneChosen"), account -> api.removeBankAccount(account.id()),
                account -> Texts.text("withdraw.accounts.removed", account.last4()));
    }

    private void forgetResolution() {
        resolvedFor = null;
        resolvedName.set("");
        canSaveWrapper.set(false);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
