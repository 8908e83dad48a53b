package coffer.app.topup;

import coffer.app.api.AccountsApi;
import coffer.app.api.TopupsApi;
import coffer.app.checkout.ProviderFlowViewModel;
import coffer.app.checkout.ReturnAddress;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TopupTypes.TopupView;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Top up a wallet by card: the server opens a top-up, the user pays on the provider's checkout page (shown while
 * {@link #pageUrl} is not empty), and the balance shows once the server says the top-up completed; or a
 * card saved at an earlier checkout is charged without a page.
 */
public final class TopupViewModel extends ProviderFlowViewModel {
    /** How many times a page of the checkout is followed by asking whether its card was declined. */
    private static final int DECLINE_CHECKS = 20;
    private static final String PENDING = "pending";
    private static final String COMPLETED = "completed";

    private final TopupsApi api;
    private final Duration pollInterval;
    /** Whether the checkout offers to save the card for charges without a page. */
    public final BooleanProperty saveCard = new SimpleBooleanProperty();
    private final SavedCardsViewModel cards;
    private TopupView topup;

    public TopupViewModel(TopupsApi api, AccountsApi accounts, BackgroundExecutor executor, Duration pollInterval) {
        super(accounts, executor, pollInterval);
        this.api = Objects.requireNonNull(api, "api");
        this.pollInterval = pollInterval;
        this.cards = new SavedCardsViewModel(api, executor);
    }

    public SavedCardsViewModel cards() {
        return cards;
    }

    @Override
    public void load() {
        cards.load();
        super.load();
    }

    /** Checks the amount, opens the top-up on the server and shows its checkout page. */
    public void start() {
        Optional<Order> order = order("topup.error.noWallet");
        if (order.isEmpty()) {
            return;
        }
        TopupRequest request = new TopupRequest(order.get().wallet().id(), order.get().money().toDecimalString(),
                order.get().money().currencyCode(), null, saveCard.get());
        String key = UUID.randomUUID().toString();
        state.stopPolling();
        state.run(() -> api.topup(key, request), opened -> {
            topup = opened;
            if (opened.checkoutUrl() == null) {
                state.error(Texts.text("topup.error.noCheckout"));
                return;
            }
            showStatus(Texts.text("topup.payOnPage", Amounts.format(order.get().money())));
            openPage(opened.checkoutUrl());
        });
    }

    /** Charges the saved card chosen in {@link #cards()}, without a page; the balance shows once credited. */
    public void chargeSavedCard() {
        CardRow card = cards.selected.get();
        if (card == null) {
            state.error(Texts.text("topup.error.noCard"));
            return;
        }
        Optional<Order> order = order("topup.error.noWallet");
        if (order.isEmpty()) {
            return;
        }
        CardChargeRequest request = new CardChargeRequest(order.get().wallet().id(),
                order.get().money().toDecimalString(), order.get().money().currencyCode());
        String key = UUID.randomUUID().toString();
        state.stopPolling();
        state.begin(() -> api.chargeCard(key, card.id(), request), this::finished);
    }

    /**
     * The checkout page's browser moved to {@code location}. Reaching the top-up's return page closes the checkout
     * and asks the server until the top-up is final.
     */
    @Override
    public void pageNavigated(String location) {
        TopupView open = topup;
        if (open == null || !pageReturned(location, returnPath(open.topupId()))) {
            return;
        }
        hidePage();
        showStatus(Texts.text("topup.waiting"));
        state.working();
        this.<TopupView>untilFinal(now -> !PENDING.equals(now.status()), this::finished, Texts.text("topup.stillWaiting"))
                .now(() -> api.topupStatus(open.topupId()));
    }

    /** A page of the checkout finished loading: the card just tried may have been declined. */
    @Override
    public void pageLoaded(String location) {
        TopupView open = topup;
        if (open == null || !pageOpen() || isReturnPage(location, open.topupId())) {
            return;
        }
        state.<TopupView>poll(pollInterval).times(DECLINE_CHECKS)
                .finalWhen(now -> !PENDING.equals(now.status()) || now.failureReason() != null, now -> {
                    if (!PENDING.equals(now.status())) {
                        hidePage();
                        finished(now);
                    } else {
                        state.error(Texts.text("topup.declined", Problems.reason(now.failureReason())));
                    }
                })
                .onFailure(failure -> { })
                .now(() -> api.topupStatus(open.topupId()));
    }

    /** The user closed the checkout page without paying. */
    @Override
    public void closePage() {
        if (!pageOpen()) {
            return;
        }
        state.stopPolling();
        hidePage();
        showStatus(Texts.text("topup.checkoutClosed"));
    }

    static boolean isReturnPage(String location, String topupId) {
        return ReturnAddress.reached(location, returnPath(topupId));
    }

    private static String returnPath(String topupId) {
        return "/topups/" + topupId + "/done";
    }

    private void finished(TopupView now) {
        if (!COMPLETED.equals(now.status())) {
            showStatus("");
            state.fail(Texts.text("topup.failed", Problems.reason(now.failureReason())));
            return;
        }
        state.clearError();
        cards.load();
        showStatus(Texts.text("topup.completed", Amounts.format(now.amount(), now.currency())));
        showBalance(now.walletId());
    }
}
