package coffer.app.topup;

import coffer.app.InProcessServer;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class TopupViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private static TopupViewModel viewModel(String user) {
        TopupViewModel viewModel = new TopupViewModel(SERVER.signedIn(user), SERVER.signedIn(user),
                BackgroundExecutor.sameThread(), Duration.ofMillis(20));
        viewModel.load();
        return viewModel;
    }

    /** Pays the open checkout the way its page would, answering where the browser is sent next. */
    private static String pay(String checkoutUrl, String cardNumber) throws IOException, InterruptedException {
        return pay(checkoutUrl, cardNumber, false);
    }

    private static String pay(String checkoutUrl, String cardNumber, boolean save) throws IOException, InterruptedException {
        URI helper = URI.create(checkoutUrl.replace("/provider/checkout/", "/provider/test-helpers/checkout/") + "/pay");
        HttpRequest request = HttpRequest.newBuilder(helper)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"card_number\":\"" + cardNumber + "\",\"save_card\":" + save + "}"))
                .build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("\"redirect_url\":\"");
        return at < 0 ? "" : body.substring(at + 16, body.indexOf('"', at + 16));
    }

    @Test
    void aPaidCheckoutClosesOnItsReturnPageAndTheServersBalanceShows() throws Exception {
        TopupViewModel viewModel = viewModel(ALICE);
        viewModel.amount.set("40.00");

        viewModel.start();
        String checkout = viewModel.pageUrl.get();
        assertThat(checkout).contains("/provider/checkout/");
        assertThat(viewModel.status.get()).isEqualTo("Pay 40.00 USD on the provider's page.");

        String returnPage = pay(checkout, "4242424242424242");
        viewModel.pageNavigated(returnPage);

        assertThat(viewModel.pageUrl.get()).as("the checkout closes").isEmpty();
        assertThat(viewModel.status.get()).isEqualTo("Top-up completed: 40.00 USD added.");
        assertThat(viewModel.balance.get()).isEqualTo("Available now: 1,040.00 USD");
        assertThat(viewModel.error.get()).isEmpty();
    }

    @Test
    void aDeclinedCardIsShownAndTheCheckoutStaysOpenForAnotherCard() throws Exception {
        TopupViewModel viewModel = viewModel(BOB);
        viewModel.amount.set("15.00");
        viewModel.start();
        String checkout = viewModel.pageUrl.get();

        pay(checkout, "4000000000000002");
        viewModel.pageLoaded(checkout);

        assertThat(viewModel.error.get()).isEqualTo("The card was declined (card_declined). Try another card.");
        assertThat(viewModel.pageUrl.get()).isEqualTo(checkout);
        assertThat(viewModel.balance.get()).isEmpty();
    }

    @Test
    void pagesOtherThanTheReturnPageDoNotCloseTheCheckout() {
        TopupViewModel viewModel = viewModel(BOB);
        viewModel.amount.set("5.00");
        viewModel.start();
        String checkout = viewModel.pageUrl.get();

        viewModel.pageNavigated(SERVER.baseUrl() + "/topups/top_someone_else/done?status=paid");
        viewModel.pageNavigated("about:blank");

        assertThat(viewModel.pageUrl.get()).isEqualTo(checkout);
        assertThat(viewModel.status.get()).startsWith("Pay 5.00 USD");
    }

    @Test
    void aCardSavedAtCheckoutIsChargedAgainWithoutAPageThenRemoved() throws Exception {
        TopupViewModel viewModel = viewModel(BOB);
        viewModel.amount.set("20.00");
        viewModel.saveCard.set(true);
        viewModel.start();
        viewModel.pageNavigated(pay(viewModel.pageUrl.get(), "4242424242424242", true));
        SavedCardsViewModel cards = viewModel.cards();
        assertThat(cards.cards).extracting(CardRow::last4).containsExactly("4242");
        String before = viewModel.wallet.get().availableDecimal();

        cards.selected.set(cards.cards.get(0));
        viewModel.amount.set("7.50");
        viewModel.chargeSavedCard();

        assertThat(viewModel.status.get()).isEqualTo("Top-up completed: 7.50 USD added.");
        assertThat(viewModel.wallet.get().availableDecimal())
                .isEqualTo(new BigDecimal(before).add(new BigDecimal("7.50")).toPlainString());
        assertThat(viewModel.pageUrl.get()).as("no page for a saved card").isEmpty();

        cards.removeSelected();
        assertThat(cards.cards).isEmpty();
        assertThat(cards.notice.get()).endsWith("ending 4242.");
    }

    @Test
    void aBadAmountIsRefusedBeforeAskingTheServer() {
        TopupViewModel viewModel = viewModel(BOB);
        viewModel.amount.set("1.234");

        viewModel.start();

        assertThat(viewModel.error.get()).startsWith("Enter an amount such as 25.00");
        assertThat(viewModel.pageUrl.get()).isEmpty();
    }

    @Test
    void onlyTheTopupsOwnDonePathIsItsReturnPage() {
        assertThat(TopupViewModel.isReturnPage("http://localhost:1/topups/top_1/done?status=paid", "top_1")).isTrue();
        assertThat(TopupViewModel.isReturnPage("http://localhost:1/topups/top_2/done", "top_1")).isFalse();
        assertThat(TopupViewModel.isReturnPage("http://localhost:1/provider/checkout/cs_1", "top_1")).isFalse();
        assertThat(TopupViewModel.isReturnPage(null, "top_1")).isFalse();
    }

    @Test
    void closingTheCheckoutAddsNothingAndSaysSoInSpanish() {
        Texts.use(Texts.SPANISH);
        TopupViewModel viewModel = viewModel(BOB);
        String before = viewModel.wallet.get().available();
        viewModel.amount.set("6.00");
        viewModel.start();
        assertThat(viewModel.status.get()).isEqualTo("Paga 6,00 USD en la página del proveedor.");

        viewModel.closePage();

        assertThat(viewModel.pageUrl.get()).isEmpty();
        assertThat(viewModel.status.get())
                .isEqualTo("Página de pago cerrada. No se agrega nada salvo que el pago se haya completado.");
        assertThat(viewModel.busy.get()).isFalse();
        viewModel.load();
        assertThat(viewModel.wallet.get().available()).isEqualTo(before);
    }
}
