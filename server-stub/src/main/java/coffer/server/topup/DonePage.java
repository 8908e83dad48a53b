package coffer.server.topup;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * {@code GET /topups/{id}/done}: where the checkout page sends the user when the top-up named no
 * return URL. A small page the desktop app's WebView recognises by its path and its
 * {@code data-topup-status} ({@code paid}, {@code failed}, {@code expired} or {@code pending}); it shows
 * nothing but the outcome and the amount.
 */
final class DonePage implements HttpApi.Routes {
    private final TopupService topups;

    DonePage(TopupService topups) {
        this.topups = topups;
    }

    static String path(String topupId) {
        return "/topups/" + topupId + "/done";
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/topups/{id}/done", this::show, Access.PUBLIC);
    }

    private void show(Context ctx) {
        Optional<Topup> found = topups.find(ctx.pathParam("id"));
        String said = ctx.queryParam("status");
        String status;
        String message;
        if (found.isEmpty()) {
            ctx.status(404);
            status = "unknown";
            message = "This top-up was not found.";
        } else if (Topup.COMPLETED.equals(found.get().status()) || "paid".equals(said)) {
            status = "paid";
            message = "Payment received, you can close this window.";
        } else if ("expired".equals(found.get().failureReason()) || "expired".equals(said)) {
            status = "expired";
            message = "The payment page expired before the payment was made. Nothing was charged; you can close this window.";
        } else if (Topup.FAILED.equals(found.get().status()) || "failed".equals(said)) {
            status = "failed";
            message = "The payment failed. Nothing was charged; you can close this window.";
        } else {
            status = "pending";
            message = "Waiting for the payment to be confirmed...";
        }
        String amount = found.map(t -> "<p>" + t.amount().toDecimalString() + " " + t.amount().currencyCode() + "</p>").orElse("");
        String refresh = "pending".equals(status) ? "<meta http-equiv=\"refresh\" content=\"2\">" : "";
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result("<!DOCTYPE html><html lang=\"en\">"
                + "<head><meta charset=\"utf-8\">" + refresh + "<title>Coffer top-up: " + status + "</title><style>"
                + "body{font-family:system-ui,sans-serif;text-align:center;margin-top:80px;color:#1d2330}</style></head>"
                + "<body data-topup-status=\"" + status + "\"><h1>" + message + "</h1>" + amount + "</body></html>");
    }
}
