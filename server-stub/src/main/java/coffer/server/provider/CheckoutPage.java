package coffer.server.provider;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The hosted checkout page {@code /provider/checkout/{session_id}}: a card form (number, expiry MM/YY,
 * CVC, name, "save this card"), the extra confirmation step some cards need, and where the user goes
 * afterwards: paid sends the browser (303) to the session's return URL with {@code session_id} and
 * {@code status=paid}; a declined card shows why and lets the user try another until the session
 * expires; an expired or canceled session says so and sends the user back with that status.
 */
record CheckoutPage(Checkouts checkouts, Clock clock) implements HttpApi.Routes {
    static final String PATH = "/provider/checkout/";

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH + "{session_id}", this::show, Access.PUBLIC);
        routes.post(PATH + "{session_id}", this::submit, Access.PUBLIC, ProviderApi.PROVIDERS_OWN);
    }

    /** The open session the path names; otherwise answers its not-found or closed page and gives empty. */
    private Optional<Checkouts.Session> open(Context ctx) {
        Optional<Checkouts.Session> found = checkouts.session(ctx.pathParam("session_id"));
        if (found.isEmpty()) {
            notFound(ctx);
        } else if (!Checkouts.OPEN.equals(found.get().status())) {
            closed(ctx, found.get());
            return Optional.empty();
        }
        return found;
    }

    /** The session's return URL with {@code session_id} and {@code status} added. */
    static String returnTo(Checkouts.Session s, String status) {
        String url = s.returnUrl();
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + "session_id=" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8) + "&status="
                + URLEncoder.encode(status, StandardCharsets.UTF_8);
    }

    private void show(Context ctx) {
        Checkouts.Session s = open(ctx).orElse(null);
        if (s == null) {
            return;
        }
        if (s.awaiting() != null) {
            confirmation(ctx, s);
        } else {
            form(ctx, 200, s, null, null, null, false);
        }
    }

    private void submit(Context ctx) {
        String id = ctx.pathParam("session_id");
        Checkouts.Session s = open(ctx).orElse(null);
        if (s == null) {
            return;
        }
        String confirmation = ctx.formParam("confirmation");
        if (confirmation != null) {
            show(ctx, checkouts.confirm(id, "approve".equals(confirmation)), null, null);
            return;
        }
        if ("cancel".equals(ctx.formParam("action"))) {
            closed(ctx, checkouts.cancel(id));
            return;
        }
        String expiry = ctx.formParam("expiry");
        String name = ctx.formParam("name");
        boolean save = ctx.formParam("save_card") != null;
        CardEntry.Parsed parsed = CardEntry.parse(ctx.formParam("card_number"), expiry, ctx.formParam("cvc"), name, save, clock);
        if (parsed.error() != null) {
            form(ctx, 422, s, parsed.error(), expiry, name, save);
            return;
        }
        show(ctx, checkouts.pay(id, parsed.entry()), expiry, name);
    }

    private void show(Context ctx, Checkouts.Attempt attempt, String expiry, String name) {
        switch (attempt.result()) {
            case PAID -> Html.redirect(ctx, returnTo(attempt.session(), Checkouts.PAID));
            case NEEDS_CONFIRMATION -> confirmation(ctx, attempt.session());
            case DECLINED -> form(ctx, 402, attempt.session(), declined(attempt.reason()), expiry, name, false);
            case CLOSED -> closed(ctx, attempt.session());
        }
    }

    private static String declined(String reason) {
        String why = TestCards.REASON_INSUFFICIENT_FUNDS.equals(reason) ? "Your card has insufficient funds."
                : TestCards.REASON_AUTHENTICATION_FAILED.equals(reason) ? "Your bank could not confirm this payment."
                : "Your card was declined.";
        return why + " (" + reason + ") Try another card.";
    }

    private void form(Context ctx, int status, Checkouts.Session s, String error, String expiry, String name, boolean save) {
        StringBuilder b = Html.form(header(s), error, PATH + s.id())
                .append("<label for=\"card_number\">Card number</label>")
                .append("<input type=\"text\" id=\"card_number\" name=\"card_number\" inputmode=\"numeric\" ")
                .append("placeholder=\"4242 4242 4242 4242\" required>")
                .append("<div class=\"row\"><div><label for=\"expiry\">Expiry (MM/YY)</label>")
                .append("<input type=\"text\" id=\"expiry\" name=\"expiry\" placeholder=\"12/30\" required value=\"")
                .append(Html.esc(expiry)).append("\"></div><div><label for=\"cvc\">CVC</label>")
                .append("<input type=\"text\" id=\"cvc\" name=\"cvc\" inputmode=\"numeric\" placeholder=\"123\" required></div></div>")
                .append("<label for=\"name\">Name on card</label><input type=\"text\" id=\"name\" name=\"name\" required value=\"")
                .append(Html.esc(name)).append("\">");
        if (s.allowSaveCard()) {
            b.append("<label><input type=\"checkbox\" name=\"save_card\" value=\"on\"").append(save ? " checked" : "")
                    .append("> Save this card for next time</label>");
        }
        b.append("<button type=\"submit\">Pay ").append(Html.esc(amount(s))).append("</button>")
                .append("<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"cancel\" formnovalidate>Cancel</button>")
                .append("</form>");
        Html.page(ctx, status, "Pay " + amount(s), b.toString(), null, s.returnUrl());
    }

    private void confirmation(Context ctx, Checkouts.Session s) {
        String b = header(s) + "<p>Your bank asks you to confirm this payment.</p>"
                + "<form method=\"post\" action=\"" + Html.esc(PATH + s.id()) + "\">"
                + "<button type=\"submit\" name=\"confirmation\" value=\"approve\">Confirm payment</button>"
                + "<button type=\"submit\" class=\"secondary\" name=\"confirmation\" value=\"fail\">Fail confirmation</button>"
                + "</form>";
        Html.page(ctx, 200, "Confirm your payment", b, null, s.returnUrl());
    }

    private void closed(Context ctx, Checkouts.Session s) {
        switch (s.status()) {
            case Checkouts.PAID -> Html.redirect(ctx, returnTo(s, Checkouts.PAID));
            case Checkouts.EXPIRED -> Html.page(ctx, 200, "Checkout expired", header(s)
                    + "<div class=\"error\">This checkout has expired. Nothing was charged.</div>"
                    + "<p><a href=\"" + Html.esc(returnTo(s, Checkouts.EXPIRED)) + "\">Return to the merchant</a></p>",
                    returnTo(s, Checkouts.EXPIRED), null);
            default -> Html.page(ctx, 200, "Checkout canceled", header(s)
                    + "<div class=\"error\">This checkout was canceled. Nothing was charged.</div>"
                    + "<p><a href=\"" + Html.esc(returnTo(s, Checkouts.FAILED)) + "\">Return to the merchant</a></p>",
                    returnTo(s, Checkouts.FAILED), null);
        }
    }

    private static String header(Checkouts.Session s) {
        return Html.header("Coffer wallet top-up", "Pay Coffer", s.amount());
    }

    private static String amount(Checkouts.Session s) {
        return Html.amount(s.amount());
    }

    private static void notFound(Context ctx) {
        Html.page(ctx, 404, "Checkout not found", "<h1>Checkout not found</h1><p>This payment link is not valid.</p>");
    }
}
