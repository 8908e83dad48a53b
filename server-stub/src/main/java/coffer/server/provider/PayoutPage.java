package coffer.server.provider;

import coffer.server.http.Access;
import coffer.core.error.CofferException;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The hosted payout page {@code /provider/payout/{link_id}}: the user enters the bank account
 * (holder, bank code, account number) to receive a withdrawal; the account is resolved first, then
 * paid out. With a return URL the browser is sent there (303) with {@code payout_id} and
 * {@code status}; without one the page shows the outcome.
 */
record PayoutPage(BankPayouts payouts) implements HttpApi.Routes {
    static final String PATH = "/provider/payout/";

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH + "{link_id}", this::show, Access.PUBLIC);
        routes.post(PATH + "{link_id}", this::submit, Access.PUBLIC, ProviderApi.PROVIDERS_OWN);
    }

    private void show(Context ctx) {
        Optional<BankPayouts.Link> link = payouts.link(ctx.pathParam("link_id"));
        if (link.isEmpty()) {
            Html.page(ctx, 404, "provider/notFound.jte", new Html.NotFound("Payout not found", "This payout link is not valid."));
        } else if (!BankPayouts.OPEN.equals(link.get().status())) {
            closed(ctx, link.get());
        } else {
            form(ctx, 200, link.get(), null, null, null, null);
        }
    }

    private void submit(Context ctx) {
        String id = ctx.pathParam("link_id");
        Optional<BankPayouts.Link> found = payouts.link(id);
        if (found.isEmpty() || !BankPayouts.OPEN.equals(found.get().status())) {
            show(ctx);
            return;
        }
        BankPayouts.Link link = found.get();
        String holder = ctx.formParam("holder_name");
        String bank = strip(ctx.formParam("bank_code"));
        String account = strip(ctx.formParam("account_number"));
        if (holder == null || holder.isBlank() || holder.length() > 100) {
            form(ctx, 422, link, "Enter the account holder's name.", holder, bank, account);
            return;
        }
        Optional<String> resolved;
        try {
            resolved = payouts.resolve(bank, account);
        } catch (CofferException e) {
            form(ctx, 422, link, "Enter a 3-digit bank code and a 10-digit account number.", holder, bank, account);
            return;
        }
        if (resolved.isEmpty()) {
            form(ctx, 422, link, "No account with this number was found at this bank.", holder, bank, account);
            return;
        }
        Optional<BankPayouts.Payout> payout = payouts.payLink(id, bank, account, holder.strip());
        if (payout.isEmpty()) {
            show(ctx);
            return;
        }
        BankPayouts.Payout p = payout.get();
        if (link.returnUrl() != null) {
            String url = link.returnUrl() + (link.returnUrl().contains("?") ? "&" : "?") + "payout_id="
                    + URLEncoder.encode(p.id(), StandardCharsets.UTF_8) + "&status=" + p.status();
            Html.redirect(ctx, url);
            return;
        }
        Outcome outcome = switch (p.status()) {
            case BankPayouts.SUCCEEDED -> new Outcome(heading(link), true, "The money is on its way to " + resolved.get() + ".");
            case BankPayouts.PENDING -> new Outcome(heading(link), true, "The payout to " + resolved.get() + " is being processed.");
            default -> new Outcome(heading(link), false, "The bank refused this payout. Nothing was sent.");
        };
        Html.page(ctx, 200, "provider/payoutOutcome.jte", outcome);
    }

    private void closed(Context ctx, BankPayouts.Link link) {
        String text = BankPayouts.EXPIRED.equals(link.status()) ? "This payout link has expired."
                : "This payout link has already been used.";
        Html.page(ctx, 200, "provider/payoutOutcome.jte", new Outcome(heading(link), false, text));
    }

    private void form(Context ctx, int status, BankPayouts.Link link, String error, String holder, String bank, String account) {
        Html.page(ctx, status, "provider/payout.jte", new Form(heading(link), PATH + link.id(), error, holder, bank, account), link.returnUrl());
    }

    /** The top of every page of a link. */
    private static Html.Heading heading(BankPayouts.Link link) {
        return new Html.Heading("Coffer wallet withdrawal", "Where should we send your money?", link.amount());
    }

    /** {@code payout.jte}: the bank account form, posting to {@code action}, with why it was refused and what the user typed, given back. */
    record Form(Html.Heading heading, String action, String error, String holder, String bank, String account) {
    }

    /** {@code payoutOutcome.jte}: what became of the payout, or why the link can no longer be used. */
    record Outcome(Html.Heading heading, boolean ok, String message) {
    }

    private static String strip(String s) {
        return s == null ? null : s.replaceAll("\\s", "");
    }
}
