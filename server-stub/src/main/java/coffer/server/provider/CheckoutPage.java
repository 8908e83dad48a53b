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
        Html.page(ctx, status, "provider/checkout.jte", new Form(heading(s), PATH + s.id(), s.allowSaveCard(), error, expiry, name, save),
                s.returnUrl());
    }

    private void confirmation(Context ctx, Checkouts.Session s) {
        Html.page(ctx, 200, "provider/confirmation.jte", new Confirmation(heading(s), PATH + s.id()), s.returnUrl());
    }

    private void closed(Context ctx, Checkouts.Session s) {
        switch (s.status()) {
            case Checkouts.PAID -> Html.redirect(ctx, returnTo(s, Checkouts.PAID));
            case Checkouts.EXPIRED -> Html.page(ctx, 200, "provider/closed.jte", new Closed(heading(s), "Checkout expired",
                    "This checkout has expired. Nothing was charged.", returnTo(s, Checkouts.EXPIRED)));
            default -> Html.page(ctx, 200, "provider/closed.jte", new Closed(heading(s), "Checkout canceled",
                    "This checkout was canceled. Nothing was charged.", returnTo(s, Checkouts.FAILED)));
        }
    }

    /** The top of every page of a session. */
    private static Html.Heading heading(Checkouts.Session s) {
        return new Html.Heading("Coffer wallet top-up", "Pay Coffer", s.amount());
    }

    /**
     * {@code checkout.jte}: the card form, posting to {@code action}, with why the last card was refused and what
     * the user typed, given back; {@code offerSave}: whether it offers "save this card", ticked when {@code save}.
     */
    record Form(Html.Heading heading, String action, boolean offerSave, String error, String expiry, String name, boolean save) {
    }

    /** {@code confirmation.jte}: the extra step some cards need, posting to {@code action}. */
    record Confirmation(Html.Heading heading, String action) {
    }

    /** {@code closed.jte}: an expired or canceled session, and the way back to the merchant (followed after 3 s). */
    record Closed(Html.Heading heading, String title, String message, String returnTo) {
    }

    private static void notFound(Context ctx) {
        Html.page(ctx, 404, "provider/notFound.jte", new Html.NotFound("Checkout not found", "This payment link is not valid."));
    }
}
