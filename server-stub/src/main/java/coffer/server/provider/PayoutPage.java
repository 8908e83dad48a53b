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
            Html.page(ctx, 404, "Payout not found", "<h1>Payout not found</h1><p>This payout link is not valid.</p>");
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
        String message = switch (p.status()) {
            case BankPayouts.SUCCEEDED -> "<div class=\"ok\">The money is on its way to " + Html.esc(resolved.get()) + ".</div>";
            case BankPayouts.PENDING -> "<div class=\"ok\">The payout to " + Html.esc(resolved.get())
                    + " is being processed.</div>";
            default -> "<div class=\"error\">The bank refused this payout. Nothing was sent.</div>";
        };
        Html.page(ctx, 200, "Payout", header(link) + message + "<p>You can close this window.</p>");
    }

    private void closed(Context ctx, BankPayouts.Link link) {
        String text = BankPayouts.EXPIRED.equals(link.status()) ? "This payout link has expired."
                : "This payout link has already been used.";
        Html.page(ctx, 200, "Payout", header(link) + "<div class=\"error\">" + text + "</div><p>You can close this window.</p>");
    }

    private void form(Context ctx, int status, BankPayouts.Link link, String error, String holder, String bank, String account) {
        StringBuilder b = Html.form(header(link), error, PATH + link.id())
                .append("<label for=\"holder_name\">Account holder</label>")
                .append("<input type=\"text\" id=\"holder_name\" name=\"holder_name\" required value=\"").append(Html.esc(holder))
                .append("\"><div class=\"row\"><div><label for=\"bank_code\">Bank code</label>")
                .append("<input type=\"text\" id=\"bank_code\" name=\"bank_code\" inputmode=\"numeric\" placeholder=\"044\" required value=\"")
                .append(Html.esc(bank)).append("\"></div><div><label for=\"account_number\">Account number</label>")
                .append("<input type=\"text\" id=\"account_number\" name=\"account_number\" inputmode=\"numeric\" ")
                .append("placeholder=\"0123456789\" required value=\"").append(Html.esc(account)).append("\"></div></div>")
                .append("<button type=\"submit\">Receive ").append(Html.esc(amount(link))).append("</button></form>");
        Html.page(ctx, status, "Receive " + amount(link), b.toString(), null, link.returnUrl());
    }

    private static String header(BankPayouts.Link link) {
        return Html.header("Coffer wallet withdrawal", "Where should we send your money?", link.amount());
    }

    private static String amount(BankPayouts.Link link) {
        return Html.amount(link.amount());
    }

    private static String strip(String s) {
        return s == null ? null : s.replaceAll("\\s", "");
    }
}
