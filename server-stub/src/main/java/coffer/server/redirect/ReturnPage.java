package coffer.server.redirect;

import coffer.server.http.HtmlPages;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.function.Function;

/**
 * Coffer's own return page, where the provider's pages send the user's browser by default
 * ({@code /topups/{id}/done}, {@code /withdrawals/{id}/done}). Nobody signs in to see it and anyone may
 * guess at an address, so it says what the server knows of the operation, never what the address
 * says, and nothing but that: a status word and a sentence, no amount, no account, nothing from the
 * request. The desktop app's WebView recognises it by its path, then asks the API for the outcome;
 * the body's {@code data-<kind>-status} is for an embedded browser to read.
 */
public final class ReturnPage {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;text-align:center;margin-top:80px;color:#1d2330}";
    static final String UNKNOWN = "unknown";

    /**
     * What the page says about an operation.
     *
     * @param status  a word from the feature's fixed set ({@code paid}, {@code pending}, ...)
     * @param message a sentence for the user
     * @param refresh load the page again in a moment: the outcome is still on its way
     */
    public record Outcome(String status, String message, boolean refresh) {
    }

    private final String kind;
    private final String title;
    private final String notFound;
    private final Function<String, Optional<Outcome>> outcomes;

    /**
     * @param kind     the operation, one lower-case word ({@code topup}): the page's {@code data-topup-status}
     * @param title    the page's title before its status ({@code Coffer top-up})
     * @param notFound what the page says for an id that names no such operation
     * @param outcomes the outcome of the operation with an id, if there is one
     */
    public ReturnPage(String kind, String title, String notFound, Function<String, Optional<Outcome>> outcomes) {
        if (!kind.matches("[a-z]+")) {
            throw new IllegalArgumentException("kind must be one lower-case word, was " + kind);
        }
        this.kind = kind;
        this.title = title;
        this.notFound = notFound;
        this.outcomes = outcomes;
    }

    /** Answers the page for the operation {@code id} names (404 {@code unknown} when none). */
    public void show(Context ctx, String id) {
        Optional<Outcome> found = id == null ? Optional.empty() : outcomes.apply(id);
        Outcome o = found.orElse(new Outcome(UNKNOWN, notFound, false));
        String refresh = o.refresh() ? "<meta http-equiv=\"refresh\" content=\"2\">" : "";
        HtmlPages.answer(ctx, found.isPresent() ? 200 : 404, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + refresh + "<title>" + HtmlPages.esc(title + ": " + o.status()) + "</title>" + HtmlPages.styleTag(STYLE)
                + "</head><body data-" + kind + "-status=\"" + HtmlPages.esc(o.status()) + "\"><h1>" + HtmlPages.esc(o.message())
                + "</h1></body></html>", STYLE);
    }
}
