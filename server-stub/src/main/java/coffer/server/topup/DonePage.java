package coffer.server.topup;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import coffer.server.redirect.ReturnPage;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /topups/{id}/done}: where the checkout page sends the user when the top-up named no return
 * URL; a {@link ReturnPage} with {@code data-topup-status} {@code paid}, {@code failed}, {@code expired}
 * or {@code pending} (refreshing itself), as the server has it. The {@code status} the checkout page
 * adds to the address is not read: anyone can type one.
 */
final class DonePage implements HttpApi.Routes {
    private final ReturnPage page;

    DonePage(TopupService topups) {
        this.page = new ReturnPage("topup", "Coffer top-up", "This top-up was not found.",
                id -> topups.find(id).map(DonePage::outcome));
    }

    static String path(String topupId) {
        return "/topups/" + topupId + "/done";
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/topups/{id}/done", ctx -> page.show(ctx, ctx.pathParam("id")), Access.PUBLIC);
    }

    private static ReturnPage.Outcome outcome(Topup t) {
        if (t.status() == TopupStatus.COMPLETED) {
            return new ReturnPage.Outcome("paid", "Payment received, you can close this window.", false);
        }
        if (t.status() == TopupStatus.FAILED) {
            return "expired".equals(t.failureReason())
                    ? new ReturnPage.Outcome("expired", "The payment page expired before the payment was made. Nothing was charged;"
                    + " you can close this window.", false)
                    : new ReturnPage.Outcome("failed", "The payment failed. Nothing was charged; you can close this window.", false);
        }
        return new ReturnPage.Outcome("pending", "Waiting for the payment to be confirmed...", true);
    }
}
