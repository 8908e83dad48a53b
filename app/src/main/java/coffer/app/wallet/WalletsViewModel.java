package coffer.app.wallet;

import coffer.app.api.AccountsApi;
import coffer.app.api.ApiException;
import coffer.app.api.IdentityApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.KycTypes.KycStatusResponse;
import coffer.core.error.CofferException;
import coffer.core.money.Currencies;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The wallets overview: balances, status, KYC tier and today's limit; open, lock and unlock wallets. */
public final class WalletsViewModel extends ScreenViewModel {
    private record Overview(List<AccountView> accounts, KycStatusResponse kyc) {
    }

    private final AccountsApi accounts;
    private final IdentityApi identity;
    /** The wallets as the local copy of the ledger has them; null: ask the server. */
    private final Callable<List<AccountView>> local;
    private final BackgroundExecutor executor;
    public final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    public final ObjectProperty<WalletRow> selected = new SimpleObjectProperty<>();
    public final StringProperty kycSummary = new SimpleStringProperty("");
    public final StringProperty newCurrency = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper organizationWrapper = new ReadOnlyStringWrapper("");
    /** The organization whose wallets these are; empty for the user's own (only those are opened, locked, unlocked here). */
    public final ReadOnlyStringProperty organization = organizationWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper managesWrapper = new ReadOnlyBooleanWrapper(true);
    /** Whether the user locks and unlocks these wallets: their own, or an organization's they own or administer. */
    public final ReadOnlyBooleanProperty manages = managesWrapper.getReadOnlyProperty();
    public final BooleanBinding canLock = Bindings.createBooleanBinding(() -> !state.isBusy() && manages.get()
            && selected.get() != null && !selected.get().locked(), state.busy, selected, manages);
    public final BooleanBinding canUnlock = Bindings.createBooleanBinding(() -> !state.isBusy() && manages.get()
            && selected.get() != null && selected.get().locked(), state.busy, selected, manages);

    /** The overview as the server has it, from one client that serves both. */
    public <A extends AccountsApi & IdentityApi> WalletsViewModel(A api, BackgroundExecutor executor) {
        this(api, api, null, executor);
    }

    /** The overview read from {@code local}, from one client that serves both. */
    public <A extends AccountsApi & IdentityApi> WalletsViewModel(A api, Callable<List<AccountView>> local,
                                                                  BackgroundExecutor executor) {
        this(api, api, local, executor);
    }

    /**
     * The overview read from {@code local} (the local copy of the ledger; null: from the server), so it shows with no
     * network; the KYC line and the actions still need the server.
     */
    public WalletsViewModel(AccountsApi accounts, IdentityApi identity, Callable<List<AccountView>> local,
                            BackgroundExecutor executor) {
        super(executor);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.local = local;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The wallets shown are {@code name}'s, an organization's: no wallet is opened for it here, and they are locked and
     * unlocked only by a user who {@code manages} it (an owner or admin).
     */
    public void actFor(String name, boolean manages) {
        organizationWrapper.set(Objects.requireNonNull(name, "name"));
        managesWrapper.set(manages);
    }

    private boolean own() {
        return organization.get().isEmpty();
    }

    /**
     * Loads the overview. Once it shows, a reload (after a sync or a server event) is quiet: the buttons
     * stay usable and the notice of what the user just did stays until their next action.
     */
    public void load() {
        Callable<Overview> read = () -> local == null ? fromServer() : new Overview(local.call(), kycIfReachable());
        if (wallets.isEmpty()) {
            run(read, null);
        } else {
            executor.submit(read, this::show, state::error);
        }
    }

    private Overview fromServer() {
        return new Overview(accounts.accounts(), identity.kyc());
    }

    /** The KYC status, or null when the server cannot be reached: the wallets show without it. */
    private KycStatusResponse kycIfReachable() {
        try {
            return identity.kyc();
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NETWORK_DOWN || e.kind() == ApiException.Kind.SERVER_ERROR) {
                return null;
            }
            throw e;
        }
    }

    /** Opens a wallet in the currency typed (an ISO 4217 code such as EUR). */
    public void openWallet() {
        if (!own()) {
            state.error(Texts.text("wallets.organization", organization.get()));
            return;
        }
        String code = newCurrency.get() == null ? "" : newCurrency.get().strip().toUpperCase(Locale.ROOT);
        try {
            Currencies.of(code);
        } catch (CofferException e) {
            state.error(Texts.text("wallets.error.currency"));
            return;
        }
        if (wallets.stream().anyMatch(w -> w.currency().equals(code))) {
            state.error(Texts.text("wallets.error.alreadyOpen", code));
            return;
        }
        run(() -> {
            accounts.openAccount(code);
            return fromServer();
        }, Texts.text("wallets.opened", code));
        newCurrency.set("");
    }

    public void lockSelected() {
        changeSelected(true);
    }

    public void unlockSelected() {
        changeSelected(false);
    }

    private void changeSelected(boolean lock) {
        WalletRow w = selected.get();
        if (!manages.get()) {
            state.error(Texts.text("wallets.organization.viewOnly", organization.get()));
            return;
        }
        if (w == null) {
            state.error(Texts.text("wallets.error.choose"));
            return;
        }
        run(() -> {
            if (lock) {
                accounts.lock(w.id());
            } else {
                accounts.unlock(w.id());
            }
            return fromServer();
        }, Texts.text(lock ? "wallets.locked" : "wallets.unlocked", w.currency()));
    }

    private void run(Callable<Overview> work, String done) {
        state.clear();
        state.run(work, overview -> {
            show(overview);
            if (done != null) {
                state.notice(done);
            }
        });
    }

    private void show(Overview o) {
        String selectedId = selected.get() == null ? null : selected.get().id();
        KycStatusResponse kyc = o.kyc();
        wallets.setAll(o.accounts().stream()
                .map(a -> WalletRow.of(a, kyc != null && a.currency().equals(kyc.currency())
                        ? Amounts.format(kyc.remainingToday(), kyc.currency()) : "—"))
                .toList());
        selected.set(wallets.stream().filter(w -> w.id().equals(selectedId)).findFirst().orElse(null));
        kycSummary.set(kyc == null ? "" : Texts.text("wallets.kycSummary", Names.kycStatus(kyc.status()),
                String.valueOf(kyc.tier()), Amounts.format(kyc.limits().perTransaction(), kyc.currency()),
                Amounts.format(kyc.remainingToday(), kyc.currency()), Amounts.format(kyc.limits().daily(), kyc.currency())));
    }
}
