package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.http.HtmlPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URI;

/** The hosted pages' frame: plain server-rendered HTML with a small inline stylesheet, sent with {@link HtmlPages}' headers. */
final class Html {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;color:#1d2330}"
            + "main{max-width:420px;margin:40px auto;background:#fff;border-radius:10px;padding:28px;"
            + "box-shadow:0 2px 10px rgba(0,0,0,.08)}h1{font-size:1.3em;margin:0 0 4px}"
            + ".muted{color:#667;font-size:.9em}.amount{font-size:1.8em;font-weight:600;margin:12px 0}"
            + "label{display:block;margin:12px 0 4px;font-size:.9em}input[type=text]{width:100%;box-sizing:border-box;"
            + "padding:9px;border:1px solid #c8ccd4;border-radius:6px;font-size:1em}.row{display:flex;gap:12px}"
            + ".row>div{flex:1}button{margin-top:18px;width:100%;padding:11px;border:0;border-radius:6px;"
            + "background:#3454d1;color:#fff;font-size:1em;cursor:pointer}button.secondary{background:#e4e7ee;color:#1d2330}"
            + ".error{background:#fdecec;color:#a11;padding:10px;border-radius:6px;margin:12px 0}"
            + ".ok{background:#e8f6ec;color:#175c2c;padding:10px;border-radius:6px;margin:12px 0}"
            + "footer{margin-top:18px;font-size:.8em;color:#889}";

    private Html() {
    }

    /** Answers {@code status} with a whole page; {@code body} is HTML already escaped. */
    static void page(Context ctx, int status, String title, String body) {
        page(ctx, status, title, body, null, null);
    }

    /**
     * As {@link #page(Context, int, String, String)}, sending the browser on to {@code refreshTo} after 3 s
     * when it is not null; {@code returnUrl}, when not null, is where the page's form may lead (its origin
     * is added to the page's form-action policy).
     */
    static void page(Context ctx, int status, String title, String body, String refreshTo, String returnUrl) {
        String refresh = refreshTo == null ? ""
                : "<meta http-equiv=\"refresh\" content=\"3;url=" + esc(refreshTo) + "\">";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" + refresh
                + "<title>" + esc(title) + "</title>" + HtmlPages.styleTag(STYLE) + "</head><body><main>" + body
                + "<footer>Coffer payment-provider simulator: no real card or bank is charged.</footer>"
                + "</main></body></html>";
        if (returnUrl == null) {
            HtmlPages.answer(ctx, status, html, STYLE);
        } else {
            HtmlPages.answer(ctx, status, html, STYLE, origin(returnUrl));
        }
    }

    /** The headers of a page, for a redirect to {@code returnUrl}: the redirect does not name the page to the next site. */
    static void redirect(Context ctx, String returnUrl) {
        HtmlPages.secure(ctx, STYLE, origin(returnUrl));
        ctx.redirect(returnUrl, HttpStatus.SEE_OTHER);
    }

    /** The top of a page: what it is for, its heading and the amount. */
    static String header(String purpose, String heading, Money amount) {
        return "<div class=\"muted\">" + esc(purpose) + "</div><h1>" + esc(heading) + "</h1><div class=\"amount\">"
                + esc(amount(amount)) + "</div>";
    }

    /** An amount as the pages show it, such as {@code 12.50 USD}. */
    static String amount(Money amount) {
        return amount.toDecimalString() + " " + amount.currencyCode();
    }

    /**
     * A page's form that posts to {@code action}, under the page's header and the error it shows (if any);
     * the caller appends the fields and closes it.
     */
    static StringBuilder form(String header, String error, String action) {
        StringBuilder b = new StringBuilder(header);
        if (error != null) {
            b.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        }
        return b.append("<form method=\"post\" action=\"").append(esc(action)).append("\" autocomplete=\"off\">");
    }

    /** {@code text} safe inside HTML text and double-quoted attributes. */
    static String esc(String text) {
        return HtmlPages.esc(text);
    }

    /** scheme://host[:port] of an absolute URL (the API accepted only those as return URLs). */
    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }
}
