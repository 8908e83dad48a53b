package coffer.server.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The few HTML pages the server renders itself (Coffer's return pages, the provider simulator's hosted
 * pages, the API reference): their templates, and the headers every such page is sent with. A page is a jte template under
 * {@code src/main/jte/<package>/}, turned into a class of {@code coffer.server.<package>} at build time and
 * rendered as HTML, so whatever it shows is escaped for where it stands (text, attribute) unless a template
 * said otherwise, and none does. A page loads nothing (no script, no image, no font); its one inline
 * stylesheet is allowed by its hash; its forms post only to its own origin and the origins it names; it
 * cannot be framed (clickjacking a payment form), sniffed as another type, cached, or name its own address
 * to the next site (the address may be a checkout's).
 */
public final class HtmlPages {
    /** The templates' classes, generated into the server's own packages and loaded from its class path. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlPages.class.getClassLoader(), "coffer.server");

    private HtmlPages() {
    }

    /**
     * A page's one inline stylesheet: a template of its own, {@code <style>...</style>} with nothing
     * but static text, which the page's template includes; its text is rendered once here, for the hash
     * that the page's policy allows (jte refuses template calls inside a {@code <style>} block, so the
     * element is the template's own).
     */
    public static final class Stylesheet {
        private static final String OPEN = "<style>";
        private static final String CLOSE = "</style>";
        private final String source;

        private Stylesheet(String source) {
            this.source = source;
        }

        /** The stylesheet {@code template} (such as {@code provider/hostedStyle.jte}) renders. */
        public static Stylesheet of(String template) {
            String element = render(template, null).strip();
            if (!element.startsWith(OPEN) || !element.endsWith(CLOSE)
                    || element.indexOf('<', OPEN.length()) != element.length() - CLOSE.length()) {
                throw new IllegalStateException(template + " must be one <style> element and nothing else");
            }
            return new Stylesheet("'" + sha256(element.substring(OPEN.length(), element.length() - CLOSE.length())) + "'");
        }
    }

    /** What {@code template} renders for {@code model}, its one parameter (none when null). */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        if (model == null) {
            TEMPLATES.render(template, Map.of(), out);
        } else {
            TEMPLATES.render(template, model, out);
        }
        return out.toString();
    }

    /**
     * Answers {@code status} with the page {@code template} renders for {@code model}, whose only inline
     * stylesheet is {@code style}.
     *
     * @param formTargets origins (scheme://host[:port]) besides the page's own that its forms may post or be
     *                    redirected to; none when the page has no form that leads elsewhere
     */
    public static void answer(Context ctx, int status, String template, Object model, Stylesheet style, String... formTargets) {
        String html = render(template, model);
        secure(ctx, style, formTargets);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    /** The headers of a page (see {@link #answer}); for a redirect, the same headers keep its address to itself. */
    public static void secure(Context ctx, Stylesheet style, String... formTargets) {
        String forms = Stream.concat(Stream.of("'self'"), Stream.of(formTargets)).collect(Collectors.joining(" "));
        headers(ctx, "default-src 'none'; style-src " + style.source + "; base-uri 'none'; "
                + "form-action " + forms + "; frame-ancestors 'none'");
    }

    /**
     * The headers of a page made of the server's own script and style files (the API reference at {@code /docs}):
     * the same as {@link #secure}'s, with a policy that lets the page run scripts and load stylesheets and images
     * from its own origin only (no inline script, no {@code eval}), draw the stylesheet's {@code data:} icons,
     * and send requests (the document, "Try it out") to its own origin only.
     */
    public static void secureScripted(Context ctx) {
        headers(ctx, "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    private static void headers(Context ctx, String policy) {
        ctx.header("Content-Security-Policy", policy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
