package coffer.server.withdrawal;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * {@code GET /withdrawals/{id}/done}: where the provider's payout page sends the user when the withdrawal
 * named no return URL ({@code GET /withdrawals/done?payout_id=} too, the address earlier app versions
 * asked for). A small page the desktop app's WebView recognises by its path and its
 * {@code data-withdrawal-status} ({@code succeeded}, {@code failed}, {@code pending} or {@code unknown});
 * it shows the outcome and the amount, never the bank account.
 */
final class DonePage implements HttpApi.Routes {
    private static final String CLOSE = " You can close this page.";
    private final Payouts payouts;

    DonePage(Payouts payouts) {
        this.payouts = payouts;
    }

    static String path(String withdrawalId) {
        return "/withdrawals/" + withdrawalId + "/done";
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/withdrawals/{id}/done", ctx -> show(ctx, ctx.pathParam("id")), Access.PUBLIC);
        routes.get("/withdrawals/done", ctx -> show(ctx, ctx.queryParam("payout_id")), Access.PUBLIC);
    }

    private void show(Context ctx, String id) {
        Optional<Payout> found = id == null ? Optional.empty()
                : payouts.payout(id).filter(p -> p.kind() == PayoutKind.WITHDRAWAL);
        String status;
        String message;
        if (found.isEmpty()) {
            ctx.status(404);
            status = "unknown";
            message = "This withdrawal was not found." + CLOSE;
        } else if (found.get().status() == PayoutStatus.SUCCEEDED) {
            status = "succeeded";
            message = "The bank confirmed the withdrawal; your balance shows it." + CLOSE;
        } else if (found.get().status() == PayoutStatus.FAILED) {
            status = "failed";
            message = "The withdrawal failed and the money is back in your wallet." + CLOSE;
        } else {
            status = "pending";
            message = "Your withdrawal is on its way." + CLOSE + " Your balance updates once the bank confirms it.";
        }
        String amount = found.map(p -> "<p>" + p.amount().toDecimalString() + " " + p.amount().currencyCode() + "</p>")
                .orElse("");
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result("<!DOCTYPE html><html lang=\"en\">"
                + "<head><meta charset=\"utf-8\"><title>Coffer withdrawal: " + status + "</title><style>"
                + "body{font-family:system-ui,sans-serif;text-align:center;margin-top:80px;color:#1d2330}</style></head>"
                + "<body data-withdrawal-status=\"" + status + "\"><h1>" + message + "</h1>" + amount + "</body></html>");
    }
}
