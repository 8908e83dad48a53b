package coffer.server.redirect;

import coffer.server.http.Access;
import coffer.server.http.HtmlPages;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.function.Function;

/**
 * Coffer's own return page, where the provider's pages send the user's browser by default
 * ({@code GET /topups/{id}/done}, {@code GET /withdrawals/{id}/done}): one page for every {@link Kind} of
 * operation, registered by the feature that knows its outcomes. Nobody signs in to see it and anyone may
 * guess at an address, so it says what the server knows of the operation, never what the address
 * says (the {@code status} the provider's page adds is not read), and nothing but that: a status word
 * and a sentence, no amount, no account, nothing from the request. The desktop app's WebView recognises
 * it by its path, then asks the API for the outcome; the body's {@code data-<kind>-status} is for an
 * embedded browser to read.
 */
public final class ReturnPage implements HttpApi.Routes {
    private static final HtmlPages.Stylesheet STYLE = HtmlPages.Stylesheet.of("redirect/returnStyle.jte");
    static final String UNKNOWN = "unknown";

    /** The operations that have a return page: where it is and what it is called. */
    public enum Kind {
        /** {@code data-topup-status} {@code paid}, {@code failed}, {@code expired} or {@code pending} (refreshing itself). */
        TOPUP("topup", "/topups", "Coffer top-up", "This top-up was not found.", null),
        /**
         * {@code data-withdrawal-status} {@code succeeded}, {@code failed} or {@code pending}; also at
         * {@code /withdrawals/done?payout_id=}, the address earlier app versions asked for.
         */
        WITHDRAWAL("withdrawal", "/withdrawals", "Coffer withdrawal", "This withdrawal was not found. You can close this page.",
                "payout_id");

        private final String word;
        private final String collection;
        private final String title;
        private final String notFound;
        private final String idParameter;

        Kind(String word, String collection, String title, String notFound, String idParameter) {
            this.word = word;
            this.collection = collection;
            this.title = title;
            this.notFound = notFound;
            this.idParameter = idParameter;
        }

        /** The page of the operation {@code id}, relative to the server's base URL. */
        public String path(String id) {
            return collection + "/" + id + "/done";
        }
    }

    /**
     * What the page says about an operation.
     *
     * @param status  a word from the feature's fixed set ({@code paid}, {@code pending}, ...)
     * @param message a sentence for the user
     * @param refresh load the page again in a moment: the outcome is still on its way
     */
    public record Outcome(String status, String message, boolean refresh) {
    }

    private final Kind kind;
    private final Function<String, Optional<Outcome>> outcomes;

    /**
     * @param kind     the operation
     * @param outcomes the outcome of the operation with an id, if there is one
     */
    public ReturnPage(Kind kind, Function<String, Optional<Outcome>> outcomes) {
        this.kind = kind;
        this.outcomes = outcomes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(kind.path("{id}"), ctx -> show(ctx, ctx.pathParam("id")), Access.PUBLIC);
        if (kind.idParameter != null) {
            routes.get(kind.collection + "/done", ctx -> show(ctx, ctx.queryParam(kind.idParameter)), Access.PUBLIC);
        }
    }

    /** Answers the page for the operation {@code id} names (404 {@code unknown} when none). */
    private void show(Context ctx, String id) {
        Optional<Outcome> found = id == null ? Optional.empty() : outcomes.apply(id);
        Outcome o = found.orElse(new Outcome(UNKNOWN, kind.notFound, false));
        HtmlPages.answer(ctx, found.isPresent() ? 200 : 404, "redirect/page.jte", new View(kind, o), STYLE);
    }

    /** {@code page.jte}: the outcome of an operation of a kind; its status is in the body's {@code data-<kind>-status}. */
    record View(Kind kind, Outcome outcome) {
        String title() {
            return kind.title + ": " + outcome.status();
        }

        /** The status, on the page of {@code k}; null (no such attribute) on another kind's page. */
        String statusOf(Kind k) {
            return k == kind ? outcome.status() : null;
        }
    }
}
