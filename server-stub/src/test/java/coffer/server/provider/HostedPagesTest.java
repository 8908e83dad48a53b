package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.http.HtmlPages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static coffer.server.testing.Markup.attribute;
import static coffer.server.testing.Markup.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's hosted pages, rendered from their templates with hostile values wherever a value can
 * come from outside (a session's id and a merchant's return URL, what the user typed, a bank's holder name, a
 * refusal's reason): each comes out escaped, so it shows as the text it is and never as markup, and a
 * browser reading the page back gets exactly the value that was put in.
 */
class HostedPagesTest {
    /** Breaks out of an attribute or text with quotes, opens a script, and carries an ampersand. */
    private static final String HOSTILE = "\"'><script>alert('x')</script>&amp;";
    private static final String RETURN_URL = "https://shop.example/back?a=1&b='x'\"><script>alert(1)</script>";

    private static final Html.Heading HEADING = new Html.Heading("Coffer wallet top-up", "Pay Coffer", Money.parse("12.50", "USD"));
    private static final Html.Heading PAYOUT = new Html.Heading("Coffer wallet withdrawal", "Where should we send your money?",
            Money.parse("7.25", "USD"));
    private static final String ACTION = CheckoutPage.PATH + "cs_" + HOSTILE;

    @Test
    void theCardFormGivesBackWhatWasTypedAndTheRefusalAsText() {
        String page = HtmlPages.render("provider/checkout.jte",
                new CheckoutPage.Form(HEADING, ACTION, true, "Your card was declined. (" + HOSTILE + ") Try another card.",
                        "12/" + HOSTILE, "Ada " + HOSTILE, true));

        assertNoMarkupFrom(page);
        assertThat(text(page, "role=\"alert\"")).isEqualTo("Your card was declined. (" + HOSTILE + ") Try another card.");
        assertThat(attribute(page, "id=\"expiry\"", "value")).hasValue("12/" + HOSTILE);
        assertThat(attribute(page, "id=\"name\"", "value")).hasValue("Ada " + HOSTILE);
        assertThat(attribute(page, "<form", "action")).hasValue(ACTION);
        assertThat(attribute(page, "name=\"save_card\"", "checked")).as("the box the user ticked stays ticked").isPresent();
        assertThat(HtmlPages.render("provider/checkout.jte", new CheckoutPage.Form(HEADING, ACTION, false, null, null, null, false)))
                .as("a session that may not save the card does not offer it").doesNotContain("save_card");
        assertThat(text(page, "<title>")).isEqualTo("Pay 12.50 USD");
        assertThat(page).contains("name=\"card_number\"", "name=\"cvc\"", "value=\"cancel\"");
    }

    @Test
    void theConfirmationStepPostsBackToItsOwnSession() {
        String page = HtmlPages.render("provider/confirmation.jte", new CheckoutPage.Confirmation(HEADING, ACTION));

        assertNoMarkupFrom(page);
        assertThat(attribute(page, "<form", "action")).hasValue(ACTION);
        assertThat(page).contains("value=\"approve\"", "value=\"fail\"");
    }

    @Test
    void aClosedCheckoutLeadsBackToTheMerchantsAddressAsItWasGiven() {
        Checkouts.Session session = new Checkouts.Session("cs_" + HOSTILE, "ref " + HOSTILE, Money.parse("12.50", "USD"), null,
                RETURN_URL, false, Checkouts.EXPIRED, null, null, null, null, Instant.parse("2026-12-03T10:00:00Z"));
        String back = CheckoutPage.returnTo(session, Checkouts.EXPIRED);
        String page = HtmlPages.render("provider/closed.jte",
                new CheckoutPage.Closed(HEADING, "Checkout expired", "This checkout has expired. Nothing was charged.", back));

        assertNoMarkupFrom(page);
        assertThat(back).startsWith(RETURN_URL).endsWith("&status=expired");
        assertThat(attribute(page, "<a ", "href")).hasValue(back);
        assertThat(attribute(page, "http-equiv=\"refresh\"", "content")).hasValue("3;url=" + back);
        assertThat(text(page, "<title>")).isEqualTo("Checkout expired");
    }

    @Test
    void thePayoutFormGivesBackTheAccountAsTyped() {
        String page = HtmlPages.render("provider/payout.jte",
                new PayoutPage.Form(PAYOUT, PayoutPage.PATH + "pl_" + HOSTILE, "No account " + HOSTILE, "Ada " + HOSTILE, "04" + HOSTILE, "01" + HOSTILE));

        assertNoMarkupFrom(page);
        assertThat(text(page, "role=\"alert\"")).isEqualTo("No account " + HOSTILE);
        assertThat(attribute(page, "id=\"holder_name\"", "value")).hasValue("Ada " + HOSTILE);
        assertThat(attribute(page, "id=\"bank_code\"", "value")).hasValue("04" + HOSTILE);
        assertThat(attribute(page, "id=\"account_number\"", "value")).hasValue("01" + HOSTILE);
        assertThat(attribute(page, "<form", "action")).hasValue(PayoutPage.PATH + "pl_" + HOSTILE);
        assertThat(text(page, "<title>")).isEqualTo("Receive 7.25 USD");
    }

    @Test
    void aPayoutsOutcomeNamesTheBanksHolderAsText() {
        String sent = HtmlPages.render("provider/payoutOutcome.jte",
                new PayoutPage.Outcome(PAYOUT, true, "The money is on its way to Ada " + HOSTILE + "."));
        String refused = HtmlPages.render("provider/payoutOutcome.jte",
                new PayoutPage.Outcome(PAYOUT, false, "The bank refused this payout. " + HOSTILE));

        assertNoMarkupFrom(sent);
        assertNoMarkupFrom(refused);
        assertThat(text(sent, "class=\"ok\"")).isEqualTo("The money is on its way to Ada " + HOSTILE + ".");
        assertThat(text(refused, "class=\"error\"")).isEqualTo("The bank refused this payout. " + HOSTILE);
    }

    @Test
    void aPageForNothingSaysSoAsText() {
        String page = HtmlPages.render("provider/notFound.jte", new Html.NotFound("Not found " + HOSTILE, "Nothing " + HOSTILE));

        assertNoMarkupFrom(page);
        assertThat(text(page, "<h1>")).isEqualTo("Not found " + HOSTILE);
        assertThat(text(page, "<p>")).isEqualTo("Nothing " + HOSTILE);
    }

    /** No template writes anything unescaped: jte's {@code $unsafe{}} and {@code @raw} appear in none. */
    @Test
    void noTemplateTurnsEscapingOff() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            templates = files.filter(f -> f.toString().endsWith(".jte")).toList();
        }
        assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
        for (Path template : templates) {
            assertThat(Files.readString(template)).as(template.toString()).doesNotContain("$unsafe", "@raw");
        }
    }

    /** Nothing from outside became markup: the one opening tag of a script and the raw value appear nowhere. */
    private static void assertNoMarkupFrom(String page) {
        assertThat(page).doesNotContain("<script", HOSTILE, "'x'\"").contains("&lt;script");
    }
}
