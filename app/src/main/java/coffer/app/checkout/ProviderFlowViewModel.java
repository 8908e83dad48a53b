package coffer.app.checkout;

import coffer.app.api.AccountsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.concurrent.StatusPoll;
import coffer.app.format.AmountInput;
import coffer.app.i18n.Texts;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Money moved between a wallet and a card or bank through a provider (a top-up, a withdrawal): the user chooses the
 * wallet and types the amount, the server opens the operation, the provider's page (checkout, payout) shows while
 * {@link #pageUrl} is not empty, and the server is asked until the operation's status is final; then the
 * wallet's balance shows. The page's own words are never trusted: reaching its return address only means "ask the
 * server now".
 */
public abstract class ProviderFlowViewModel extends ScreenViewModel {
    /** The wallet chosen and the amount typed, once both are usable. */
    protected record Order(WalletRow wallet, Money money) {
    }

    private final AccountsApi accounts;
    private final Duration pollInterval;
    private final WalletChoice choice = new WalletChoice();
    public final ObservableList<WalletRow> wallets = choice.wallets;
    public final ObjectProperty<WalletRow> wallet = choice.chosen;
    public final StringProperty amount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper pageUrlWrapper = new ReadOnlyStringWrapper("");
    /** The provider's page to show; empty when none is open. */
    public final ReadOnlyStringProperty pageUrl = pageUrlWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper statusWrapper = new ReadOnlyStringWrapper("");
    /** Where the operation is, in words. */
    public final ReadOnlyStringProperty status = statusWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper balanceWrapper = new ReadOnlyStringWrapper("");
    /** The wallet's available balance once the operation is final, in words. */
    public final ReadOnlyStringProperty balance = balanceWrapper.getReadOnlyProperty();

    protected ProviderFlowViewModel(AccountsApi accounts, BackgroundExecutor executor, Duration pollInterval) {
        super(executor);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Shows the user's wallets (and, in a subclass, its own lists). */
    public void load() {
        state.run(accounts::accounts, choice::show);
    }

    /** The provider's page moved to {@code location} (redirects included). */
    public abstract void pageNavigated(String location);

    /** A page of the provider finished loading at {@code location}. */
    public void pageLoaded(String location) {
    }

    /** The user closed the provider's page (its button, or Escape). */
    public abstract void closePage();

    /**
     * The wallet and amount the user gave, if both are usable; else the problem shows ({@code noWalletKey}'s text
     * when no wallet is chosen). The last operation's status, balance and error are cleared.
     */
    protected Optional<Order> order(String noWalletKey) {
        state.clearError();
        statusWrapper.set("");
        balanceWrapper.set("");
        WalletRow wallet = this.wallet.get();
        if (wallet == null) {
            state.error(Texts.text(noWalletKey));
            return Optional.empty();
        }
        return AmountInput.read(amount.get(), wallet.currency(), state::error).map(money -> new Order(wallet, money));
    }

    protected void showStatus(String text) {
        statusWrapper.set(text);
    }

    protected boolean pageOpen() {
        return !pageUrl.get().isEmpty();
    }

    protected void openPage(String url) {
        pageUrlWrapper.set(url);
    }

    protected void hidePage() {
        pageUrlWrapper.set("");
    }

    /** Whether the open page reached its return address, whose path ends with {@code path}. */
    protected boolean pageReturned(String location, String path) {
        return pageOpen() && ReturnAddress.reached(location, path);
    }

    /**
     * A poll of the operation's status, every poll interval, until {@code isFinal} (then {@code finished} gets it)
     * or for as long as the provider may take to answer (then busy ends and {@code stillPending} shows). A failed
     * ask counts as one that brought no news.
     */
    protected <T> StatusPoll<T> untilFinal(Predicate<? super T> isFinal, Consumer<? super T> finished,
                                           String stillPending) {
        return state.<T>poll(pollInterval).times(ReturnAddress.attempts(pollInterval)).ignoreFailures()
                .finalWhen(isFinal, finished)
                .onGiveUp(last -> {
                    state.done();
                    statusWrapper.set(stillPending);
                });
    }

    /** The operation is final: the wallets are shown again, {@code walletId}'s chosen with its available balance. */
    protected void showBalance(String walletId) {
        state.finish(accounts::accounts, list -> choice.show(list, walletId)
                .ifPresent(w -> balanceWrapper.set(Texts.text("money.availableNow", w.available()))));
    }
}
