package coffer.server.withdrawal;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import coffer.server.redirect.ReturnPage;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /withdrawals/{id}/done}: where the provider's payout page sends the user when the
 * withdrawal named no return URL ({@code GET /withdrawals/done?payout_id=} too, the address earlier app
 * versions asked for); a {@link ReturnPage} with {@code data-withdrawal-status} {@code succeeded},
 * {@code failed} or {@code pending}, as the server has it.
 */
final class DonePage implements HttpApi.Routes {
    private static final String CLOSE = " You can close this page.";
    private final ReturnPage page;

    DonePage(Payouts payouts) {
        this.page = new ReturnPage("withdrawal", "Coffer withdrawal", "This withdrawal was not found." + CLOSE,
                id -> payouts.payout(id).filter(p -> p.kind() == PayoutKind.WITHDRAWAL).map(DonePage::outcome));
    }

    static String path(String withdrawalId) {
        return "/withdrawals/" + withdrawalId + "/done";
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/withdrawals/{id}/done", ctx -> page.show(ctx, ctx.pathParam("id")), Access.PUBLIC);
        routes.get("/withdrawals/done", ctx -> page.show(ctx, ctx.queryParam("payout_id")), Access.PUBLIC);
    }

    private static ReturnPage.Outcome outcome(Payout p) {
        return switch (p.status()) {
            case SUCCEEDED -> new ReturnPage.Outcome("succeeded", "The bank confirmed the withdrawal; your balance shows it."
                    + CLOSE, false);
            case FAILED -> new ReturnPage.Outcome("failed", "The withdrawal failed and the money is back in your wallet." + CLOSE,
                    false);
            case PENDING -> new ReturnPage.Outcome("pending", "Your withdrawal is on its way." + CLOSE
                    + " Your balance updates once the bank confirms it.", false);
        };
    }
}
