package coffer.app.topup;

import coffer.app.api.ApiClient;
import coffer.app.checkout.ReturnAddress;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TopupTypes.TopupView;
import coffer.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Top up a wallet by card: the server opens a top-up, the user pays on the provider's checkout page
 * (shown while {@link #checkoutUrlProperty()} is not empty), and the balance shows once the server
 * says the top-up completed. The page's own words are never trusted: reaching the return URL only
 * means "ask the server now".
 */
public final class TopupViewModel extends ScreenViewModel {
    /** How many times a page of the checkout is followed by asking whether its card was declined. */
    private static final int DECLINE_CHECKS = 20;
    private static final String PENDING = "pending";
    private static final String COMPLETED = "completed";

    private final ApiClient api;
    private final Duration pollInterval;
    private final WalletChoice wallets = new WalletChoice();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty checkoutUrl = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private final BooleanProperty saveCard = new SimpleBooleanProperty();
    private final SavedCardsViewModel cards;
    private TopupView topup;

    public TopupViewModel(ApiClient api, BackgroundExecutor executor, Duration pollInterval) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.cards = new SavedCardsViewModel(api, executor);
    }

    public ObservableList<WalletRow> wallets() {
        return wallets.wallets();
    }

    public ObjectProperty<WalletRow> walletProperty() {
        return wallets.chosenProperty();
    }

    public StringProperty amountProperty() {
        return amount;
    }

    /** The provider's checkout page to show; empty when no checkout is open. */
    public ReadOnlyStringProperty checkoutUrlProperty() {
        return checkoutUrl;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The wallet's balance after a completed top-up, in words. */
    public StringProperty balanceProperty() {
        return balance;
    }

    public SavedCardsViewModel cards() {
        return cards;
    }

    /** Whether the checkout offers to save the card for charges without a page. */
    public BooleanProperty saveCardProperty() {
        return saveCard;
    }

    public void load() {
        cards.load();
        state.run(api::accounts, wallets::show);
    }

    /** Checks the amount, opens the top-up on the server and shows its checkout page. */
    public void start() {
        Optional<WalletRow> target = checkedWallet();
        if (target.isEmpty()) {
            return;
        }
        Money money = Money.parse(amount.get(), target.get().currency());
        TopupRequest request = new TopupRequest(target.get().id(), money.toDecimalString(), money.currencyCode(), null,
                saveCard.get());
        String key = UUID.randomUUID().toString();
        state.stopPolling();
        state.run(() -> api.topup(key, request), opened -> {
            topup = opened;
            if (opened.checkoutUrl() == null) {
                state.error("The server opened the top-up without a checkout page.");
                return;
            }
            status.set("Pay " + Amounts.format(money) + " on the provider's page.");
            checkoutUrl.set(opened.checkoutUrl());
        });
    }

    /** Charges the saved card chosen in {@link #cards()}, without a page; the balance shows once credited. */
    public void chargeSavedCard() {
        CardRow card = cards.selectedProperty().get();
        if (card == null) {
            state.error("Choose a saved card.");
            return;
        }
        Optional<WalletRow> target = checkedWallet();
        if (target.isEmpty()) {
            return;
        }
        Money money = Money.parse(amount.get(), target.get().currency());
        CardChargeRequest request = new CardChargeRequest(target.get().id(), money.toDecimalString(), money.currencyCode());
        String key = UUID.randomUUID().toString();
        state.stopPolling();
        state.begin(() -> api.chargeCard(key, card.id(), request), this::finished);
    }

    /** The wallet and amount the user gave, if both are usable; else the problem is shown. */
    private Optional<WalletRow> checkedWallet() {
        state.clearError();
        status.set("");
        balance.set("");
        WalletRow target = wallets.chosenProperty().get();
        if (target == null) {
            state.error("Choose the wallet to top up.");
            return Optional.empty();
        }
        Optional<String> problem = AmountInput.problem(amount.get(), target.currency());
        problem.ifPresent(state::error);
        return problem.isPresent() ? Optional.empty() : Optional.of(target);
    }

    /**
     * The checkout page's browser moved to {@code location}. Reaching the top-up's return page closes
     * the checkout and asks the server until the top-up is final.
     */
    public void checkoutNavigated(String location) {
        TopupView open = topup;
        if (open == null || checkoutUrl.get().isEmpty() || !isReturnPage(location, open.topupId())) {
            return;
        }
        checkoutUrl.set("");
        status.set("Waiting for confirmation from the payment provider…");
        state.working();
        state.<TopupView>poll(pollInterval).times(ReturnAddress.attempts(pollInterval)).retryFailures()
                .finalWhen(now -> !PENDING.equals(now.status()), this::finished)
                .onGiveUp(now -> {
                    state.done();
                    status.set("Still waiting for the provider to confirm the payment; the balance updates when it does.");
                })
                .now(() -> api.topupStatus(open.topupId()));
    }

    /** A page of the checkout finished loading: the card just tried may have been declined. */
    public void checkoutLoaded(String location) {
        TopupView open = topup;
        if (open == null || checkoutUrl.get().isEmpty() || isReturnPage(location, open.topupId())) {
            return;
        }
        state.<TopupView>poll(pollInterval).times(DECLINE_CHECKS)
                .finalWhen(now -> !PENDING.equals(now.status()) || now.failureReason() != null, now -> {
                    if (!PENDING.equals(now.status())) {
                        checkoutUrl.set("");
                        finished(now);
                    } else {
                        state.error("The card was declined (" + now.failureReason() + "). Try another card.");
                    }
                })
                .onFailure(failure -> { })
                .now(() -> api.topupStatus(open.topupId()));
    }

    /** The user closed the checkout page without paying. */
    public void closeCheckout() {
        if (checkoutUrl.get().isEmpty()) {
            return;
        }
        state.stopPolling();
        checkoutUrl.set("");
        status.set("Checkout closed. Nothing is added unless the payment went through.");
    }

    static boolean isReturnPage(String location, String topupId) {
        return ReturnAddress.reached(location, "/topups/" + topupId + "/done");
    }

    private void finished(TopupView now) {
        if (!COMPLETED.equals(now.status())) {
            status.set("");
            state.fail("The top-up " + now.status() + ": " + Problems.reason(now.failureReason()) + ".");
            return;
        }
        state.clearError();
        cards.load();
        status.set("Top-up completed: " + Amounts.format(now.amount(), now.currency()) + " added.");
        state.finish(api::accounts,
                accounts -> wallets.show(accounts, now.walletId()).ifPresent(w -> balance.set("Balance now: " + w.available())));
    }
}
