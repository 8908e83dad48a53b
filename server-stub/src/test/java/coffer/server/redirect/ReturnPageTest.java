package coffer.server.redirect;

import coffer.core.money.Money;
import coffer.server.gateway.PaymentProvider;
import coffer.server.http.HtmlPages;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.Markup;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coffer's return pages and the provider simulator's hosted pages, opened as a browser (or someone
 * guessing addresses) would: a return page says what the server knows, whatever the address says, and
 * nothing more; no page echoes markup from the request or from what was stored; every page is sent
 * with headers that keep it from being framed, sniffed, cached, or naming its address to the next site.
 */
class ReturnPageTest extends DemoServerTest {
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @Test
    void theTopupReturnPageSaysWhatTheServerKnowsNotWhatTheAddressSays() throws Exception {
        User ada = TestUsers.funded(server, "done-topup", "0.00");
        JsonObject topup = open(ada, "37.25");
        String done = server.url("/topups/" + topup.get("topup_id").getAsString() + "/done");

        HttpResponse<String> claimed = Http.get(done + "?session_id=cs_x&status=paid");
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(claimed.body()).contains("data-topup-status=\"pending\"").doesNotContain("paid", "received", "37.25");
        assertThat(Http.get(done + "?status=failed").body()).contains("data-topup-status=\"pending\"");

        String session = topup.get("checkout_url").getAsString().substring(topup.get("checkout_url").getAsString().lastIndexOf('/') + 1);
        assertThat(Http.post(server.url("/provider/test-helpers/checkout/" + session + "/pay"),
                "{\"card_number\": \"4242 4242 4242 4242\"}").statusCode()).isEqualTo(200);
        String paid = Poll.until(() -> Http.get(done + "?status=failed").body(), b -> !b.contains("\"pending\""));
        assertThat(paid).contains("data-topup-status=\"paid\"", "Payment received").doesNotContain("37.25");
    }

    @Test
    void theWithdrawalReturnPageSaysWhatTheServerKnowsNotWhatTheAddressSays() {
        User ada = TestUsers.funded(server, "done-withdrawal", "40.00");
        HttpResponse<String> r = ada.caller().post("/api/v1/withdrawals", "{\"wallet_id\":\"" + ada.walletId()
                + "\",\"amount\":\"12.34\",\"currency\":\"USD\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = Caller.json(r).get("withdrawal_id").getAsString();

        for (String address : new String[] {"/withdrawals/" + id + "/done?payout_id=" + id + "&status=succeeded",
                "/withdrawals/done?payout_id=" + id + "&status=succeeded"}) {
            HttpResponse<String> page = Http.get(server.url(address));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-withdrawal-status=\"pending\"").doesNotContain("succeeded", "12.34");
        }
    }

    @Test
    void returnPagesEchoNothingAndSendTheirHeaders() {
        String script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        for (String address : new String[] {"/topups/" + script + "/done?status=" + script,
                "/withdrawals/" + script + "/done?status=" + script, "/withdrawals/done?payout_id=" + script}) {
            HttpResponse<String> page = Http.get(server.url(address));
            assertThat(page.statusCode()).as(address).isEqualTo(404);
            assertThat(page.body()).as(address).contains("-status=\"unknown\"").doesNotContain("<script", "alert");
            assertSecured(page);
        }
        User ada = TestUsers.funded(server, "done-headers", "0.00");
        assertSecured(Http.get(server.url("/topups/" + open(ada, "1.00").get("topup_id").getAsString() + "/done")));
    }

    @Test
    void theProvidersHostedPagesCannotBeFramedNorLeakTheirAddress() {
        User ada = TestUsers.funded(server, "provider-pages", "30.00");
        JsonObject topup = open(ada, "9.00");
        String checkout = topup.get("checkout_url").getAsString();
        HttpResponse<String> page = Http.get(checkout);
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecured(page);

        // what a user typed comes back escaped on the page that refuses the card
        HttpResponse<String> declined = Http.send(HttpRequest.newBuilder(URI.create(checkout))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card_number=4000+0000+0000+0002&expiry=12%2F39&cvc=123"
                        + "&name=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")));
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("&lt;script").doesNotContain("<script");
        assertThat(Markup.attribute(declined.body(), "id=\"name\"", "value")).hasValue("\"><script>alert(1)</script>");
        assertSecured(declined);

        HttpResponse<String> paid = Http.send(HttpRequest.newBuilder(URI.create(checkout))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card_number=4242+4242+4242+4242&expiry=12%2F39&cvc=123&name=Ada")));
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Referrer-Policy")).as("the redirect names no checkout").hasValue("no-referrer");

        HttpResponse<String> w = ada.caller().post("/api/v1/withdrawals", "{\"wallet_id\":\"" + ada.walletId()
                + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}");
        HttpResponse<String> payout = Http.get(Caller.json(w).get("url").getAsString());
        assertThat(payout.statusCode()).isEqualTo(200);
        assertSecured(payout);
    }

    /**
     * What reaches the hosted pages from outside comes back as text: a merchant's return URL with quotes and
     * ampersands on the page of a canceled checkout, a holder name and bank fields on a payout form.
     */
    @Test
    void theHostedPagesShowWhatCameFromOutsideAsText() {
        String back = "https://shop.example/back?a=1&b='x'&c=%22%3E%3Cscript%3E";
        PaymentProvider.CheckoutSession session = server.server().paymentProvider().createCheckout(new PaymentProvider.CheckoutRequest(
                "hostile-" + System.nanoTime(), Money.parse("3.00", "USD"), null, URI.create(back), false, Duration.ofHours(1))).orThrow();
        HttpResponse<String> canceled = form(session.url(), "action=cancel");
        assertThat(canceled.statusCode()).isEqualTo(200);
        assertThat(canceled.body()).doesNotContain("<script", "'x'", "&c");
        String expected = back + "&session_id=" + session.id() + "&status=failed";
        assertThat(Markup.attribute(canceled.body(), "<a ", "href")).hasValue(expected);
        assertThat(Markup.attribute(canceled.body(), "http-equiv=\"refresh\"", "content")).hasValue("3;url=" + expected);
        assertSecured(canceled);

        PaymentProvider.PayoutLink link = server.server().paymentProvider().createPayoutLink(new PaymentProvider.PayoutLinkRequest(
                "hostile-" + System.nanoTime(), Money.parse("3.00", "USD"), null, Duration.ofHours(1))).orThrow();
        String holder = "Ada \"O'Brien\" <script>alert(1)</script> & Co";
        HttpResponse<String> refused = form(link.url(), "holder_name=" + URLEncoder.encode(holder, StandardCharsets.UTF_8)
                + "&bank_code=0%3Cb%3E4&account_number=%22%3E%3Cscript%3E");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain("<script", "<b>", "O'Brien");
        assertThat(Markup.attribute(refused.body(), "id=\"holder_name\"", "value")).hasValue(holder);
        assertThat(Markup.attribute(refused.body(), "id=\"bank_code\"", "value")).hasValue("0<b>4");
        assertThat(Markup.attribute(refused.body(), "id=\"account_number\"", "value")).hasValue("\"><script>");
        assertSecured(refused);
    }

    /** A return page says what its feature told it as text, whatever that holds, under its own kind's attribute only. */
    @Test
    void aReturnPageShowsItsOutcomeAsText() {
        String hostile = "\"'><script>alert(1)</script>&";
        String page = HtmlPages.render("redirect/page.jte",
                new ReturnPage.View(ReturnPage.Kind.WITHDRAWAL, new ReturnPage.Outcome("pending" + hostile, "Wait" + hostile, true)));
        assertThat(page).doesNotContain("<script", hostile, "data-topup-status");
        assertThat(Markup.attribute(page, "<body", "data-withdrawal-status")).hasValue("pending" + hostile);
        assertThat(Markup.text(page, "<h1>")).isEqualTo("Wait" + hostile);
        assertThat(Markup.text(page, "<title>")).isEqualTo("Coffer withdrawal: pending" + hostile);
        assertThat(Markup.attribute(page, "http-equiv=\"refresh\"", "content")).hasValue("2");
    }

    private static HttpResponse<String> form(URI page, String body) {
        return Http.send(HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonObject open(User user, String amount) {
        HttpResponse<String> r = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId() + "\",\"amount\":\""
                + amount + "\",\"currency\":\"USD\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Caller.json(r);
    }

    /** The page's headers: nothing loads but its own stylesheet (whose hash the policy names), no framing, no sniffing, no cache, no referrer. */
    private static void assertSecured(HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'");
        Matcher style = STYLE.matcher(page.body());
        assertThat(style.find()).as("the page has its stylesheet").isTrue();
        assertThat(csp).contains("style-src 'sha256-" + sha256(style.group(1)) + "'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
