package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.http.HtmlPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URI;

/**
 * The hosted pages' frame: the templates under {@code src/main/jte/provider} (each in {@code layout.jte},
 * with the stylesheet {@code hostedStyle.jte}), sent with {@link HtmlPages}' headers.
 */
final class Html {
    private static final HtmlPages.Stylesheet STYLE = HtmlPages.Stylesheet.of("provider/hostedStyle.jte");

    private Html() {
    }

    /** The top of a page: what it is for, its heading and the amount. */
    record Heading(String purpose, String title, Money amount) {
        /** The amount as the pages show it. */
        String amountText() {
            return Html.amount(amount);
        }
    }

    /** {@code notFound.jte}: a page for an address that names nothing. */
    record NotFound(String title, String text) {
    }

    /** Answers {@code status} with the page {@code template} renders for {@code model}; it has no form that leads elsewhere. */
    static void page(Context ctx, int status, String template, Object model) {
        HtmlPages.answer(ctx, status, template, model, STYLE);
    }

    /**
     * As {@link #page(Context, int, String, Object)}; {@code returnUrl}, when not null, is where the page's
     * form may lead (its origin is added to the page's form-action policy).
     */
    static void page(Context ctx, int status, String template, Object model, String returnUrl) {
        if (returnUrl == null) {
            page(ctx, status, template, model);
        } else {
            HtmlPages.answer(ctx, status, template, model, STYLE, origin(returnUrl));
        }
    }

    /** The headers of a page, for a redirect to {@code returnUrl}: the redirect does not name the page to the next site. */
    static void redirect(Context ctx, String returnUrl) {
        HtmlPages.secure(ctx, STYLE, origin(returnUrl));
        ctx.redirect(returnUrl, HttpStatus.SEE_OTHER);
    }

    /** An amount as the pages show it, such as {@code 12.50 USD}. */
    static String amount(Money amount) {
        return amount.toDecimalString() + " " + amount.currencyCode();
    }

    /** scheme://host[:port] of an absolute URL (the API accepted only those as return URLs). */
    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }
}
