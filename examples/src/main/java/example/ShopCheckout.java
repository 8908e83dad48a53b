package example;

import coffer.server.ProviderMode;
import coffer.server.library.CardService;
import coffer.server.library.Coffer;
import coffer.server.library.CofferConfig;
import coffer.server.library.Transaction;
import coffer.server.library.TransactionFailedException;
import coffer.server.library.Wallet;
import coffer.server.library.WalletService;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static example.Example.expect;
import static example.Example.say;
import static example.Example.show;

/**
 * E-commerce checkout with the wallet: the shopper tops up by card on the provider's hosted page, the shop
 * verifies the charge and takes the order from the wallet, a declined card leaves the wallet as it was, a
 * returned item is refunded from the order, and the card the shopper saved is charged again without a page.
 *
 * <p>The card leg runs through the bundled provider simulator ({@link ProviderMode#SIMULATOR}, for demos and
 * tests only), which serves its hosted page on a loopback port. Where a shopper would type a test card into
 * that page, this program asks the simulator's test helper to do it (as a browser test would).
 *
 * <p>Run: {@code java -cp ... example.ShopCheckout [data-folder]}
 */
public final class ShopCheckout {

    private static final String CALLBACK = "https://shop.example/checkout/callback";
    private static final HttpClient BROWSER = HttpClient.newHttpClient();

    private ShopCheckout() {
    }

    public static void main(String[] args) throws Exception {
        CofferConfig config = CofferConfig.sqlite(Example.dataDir(args)).withProvider(ProviderMode.SIMULATOR);
        try (Coffer coffer = Coffer.open(config)) {
            WalletService wallets = coffer.wallets();
            CardService cards = coffer.cards();
            Wallet shop = wallets.getWallet("shop");
            Wallet cara = wallets.getWallet("cara");

            // 1. top up by card: the shop sends the shopper to the provider's page, then verifies what it says
            CardService.CardCharge charge = cards.initializeCardCharge(cara, new BigDecimal("30.00"), CALLBACK, true);
            say("shopper sent to " + charge.authorizationUrl());
            payOnHostedPage(charge, "4242 4242 4242 4242");
            CardService.ChargeVerification paid = settled(cards, charge.reference());
            expect(paid.status().equals("success"), "the test card 4242 4242 4242 4242 pays: " + paid.status());
            CardService.ProcessedCharge processed = cards.processSuccessfulCardCharge(paid);
            say("card charge " + paid.status() + ": " + show(processed.wallet()));

            // 2. a declined card: the page stays open for another card, nothing is credited, processing is refused
            CardService.CardCharge declined = cards.initializeCardCharge(cara, new BigDecimal("500.00"), CALLBACK, false);
            String page = payOnHostedPage(declined, "4000 0000 0000 0002");
            expect(page.contains("\"declined\""), "the test card 4000 0000 0000 0002 is declined: " + page);
            CardService.ChargeVerification refused = cards.verifyCardCharge(declined.reference());
            say("second card declined on the page; the charge stays " + refused.status() + " for another card");
            expect(refused.status().equals("pending"), "a declined card leaves the charge open for another card");
            try {
                cards.processSuccessfulCardCharge(refused);
                expect(false, "a declined charge was processed");
            } catch (TransactionFailedException e) {
                say("refused: " + e.getMessage());
            }

            // 3. the order is paid from the wallet, then one item of it is returned
            Transaction order = wallets.transfer(cara, shop, new BigDecimal("24.99"), "Order #1001: mug and tea");
            say("order #1001 paid: " + order.amount() + " (" + order.status() + ")");
            Transaction returned = coffer.transactions().refundTransaction(order, new BigDecimal("9.99"), "Tea returned");
            say("tea returned: " + returned.amount() + " back to the shopper");

            // 4. the saved card is charged again, without a page
            CardService.Card card = processed.card();
            expect(card != null, "the card the shopper chose to save was saved");
            CardService.ChargeVerification again = cards.chargeSavedCard(cara, card, new BigDecimal("10.00"));
            say("saved " + card.brand() + " •••• " + card.last4() + " charged again: " + again.status());

            cara = wallets.refresh(cara);
            shop = wallets.refresh(shop);
            say(show(cara));
            say(show(shop));
            expect(cara.balance(), "25.00", "the shopper's balance (30.00 - 24.99 + 9.99 + 10.00)");
            expect(shop.balance(), "15.00", "the shop's balance (24.99 - 9.99)");
            say("shop checkout: ok");
        }
    }

    /** What the shopper does on the provider's hosted page, done by the simulator's test helper; its answer. */
    private static String payOnHostedPage(CardService.CardCharge charge, String cardNumber) throws Exception {
        URI page = URI.create(charge.authorizationUrl());
        String session = page.getPath().substring(page.getPath().lastIndexOf('/') + 1);
        HttpRequest pay = HttpRequest.newBuilder(page.resolve("/provider/test-helpers/checkout/" + session + "/pay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"card_number\": \"" + cardNumber + "\", \"save_card\": true}"))
                .build();
        HttpResponse<String> answer = BROWSER.send(pay, HttpResponse.BodyHandlers.ofString());
        expect(answer.statusCode() == 200, "the provider's page took the card: " + answer.statusCode() + " " + answer.body());
        return answer.body();
    }

    /** The provider confirms a charge to Coffer by a signed webhook, moments after the page: wait for it. */
    private static CardService.ChargeVerification settled(CardService cards, String reference) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        CardService.ChargeVerification v = cards.verifyCardCharge(reference);
        while (v.status().equals("pending") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            v = cards.verifyCardCharge(reference);
        }
        return v;
    }
}
