package coffer.app.order;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** The order screen's logic against the real in-process server and its demo catalogue. */
class OrderViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private static OrderViewModel loaded(ApiClient api) {
        OrderViewModel viewModel = new OrderViewModel(api, api, BackgroundExecutor.sameThread());
        viewModel.load();
        return viewModel;
    }

    private static void choose(OrderViewModel viewModel, String name) {
        viewModel.product.set(viewModel.products.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow());
    }

    private static Money available(ApiClient api) {
        AccountView usd = api.accounts().stream().filter(a -> a.currency().equals("USD")).findFirst().orElseThrow();
        return Money.parse(usd.availableBalance(), "USD");
    }

    @Test
    void theCatalogueShowsNamesAndPricesAndAWalletIsChosen() {
        OrderViewModel viewModel = loaded(SERVER.signedIn(ALICE));

        assertThat(viewModel.products).extracting(ProductRow::toString).containsExactly("Coffee beans — 12.50 USD",
                "Gift card — 50.00 USD", "Premium, one month — 9.99 USD", "Travel mug — 24.00 USD");
        assertThat(viewModel.wallet.get().currency()).isEqualTo("USD");
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void buyingAfterConfirmingChargesTheCataloguePrice() {
        ApiClient api = SERVER.signedIn(ALICE);
        Money before = available(api);
        OrderViewModel viewModel = loaded(api);
        choose(viewModel, "Coffee beans");

        viewModel.review();
        assertThat(viewModel.confirmation.get()).isEqualTo("Buy Coffee beans for 12.50 USD from your USD wallet?");
        assertThat(available(api)).as("nothing is charged before the user confirms").isEqualTo(before);
        viewModel.confirm();

        Money after = before.minus(Money.parse("12.50", "USD"));
        assertThat(available(api)).isEqualTo(after);
        assertThat(viewModel.result.get()).startsWith("Bought Coffee beans for 12.50 USD (order ");
        assertThat(viewModel.balance.get()).isEqualTo("Available now: " + viewModel.wallet.get().available());
        assertThat(viewModel.wallet.get().availableDecimal()).isEqualTo(after.toDecimalString());
        assertThat(viewModel.orders.get(0)).isEqualTo("Coffee beans — 12.50 USD, paid");
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void nothingChosenIsAValidationMessageAndNothingIsSent() {
        ApiClient api = SERVER.signedIn(ALICE);
        Money before = available(api);
        int orders = api.orders().size();
        OrderViewModel viewModel = loaded(api);

        viewModel.review();
        assertThat(viewModel.error.get()).isEqualTo("Choose the product to buy.");

        choose(viewModel, "Travel mug");
        viewModel.wallet.set(null);
        viewModel.review();
        assertThat(viewModel.error.get()).isEqualTo("Choose the wallet to pay from.");

        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        viewModel.confirm();
        assertThat(available(api)).isEqualTo(before);
        assertThat(api.orders()).hasSize(orders);
    }

    @Test
    void notEnoughFundsIsShownBeforeAskingAndWhenTheServerRefuses() {
        ApiClient api = SERVER.signedIn(BOB);
        OrderViewModel stale = loaded(api);
        choose(stale, "Travel mug");
        stale.review();
        assertThat(stale.awaitingConfirmation.get()).isTrue();
        // meanwhile most of the money leaves the wallet
        String account = api.addBankAccount("044", "0123456789").bankAccountId();
        String wallet = stale.wallet.get().id();
        Money leave = available(api).minus(Money.parse("10.00", "USD"));
        api.withdraw("drain-bob", new WithdrawalRequest(wallet, leave.toDecimalString(), "USD", account, null, null));

        stale.confirm();
        assertThat(stale.error.get()).isEqualTo("Could not buy Travel mug: Not enough money available. (Available balance 10.00 USD is less than 24.00)");
        assertThat(stale.result.get()).isEmpty();
        assertThat(stale.busy.get()).isFalse();
        assertThat(available(api)).isEqualTo(Money.parse("10.00", "USD"));

        OrderViewModel fresh = loaded(api);
        choose(fresh, "Travel mug");
        fresh.review();
        assertThat(fresh.error.get())
                .isEqualTo("Not enough funds: Travel mug costs 24.00 USD and this wallet has 10.00 USD available.");
        assertThat(fresh.awaitingConfirmation.get()).isFalse();
    }
}
