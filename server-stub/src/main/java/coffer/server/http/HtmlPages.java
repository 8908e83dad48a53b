package coffer.server.http;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The few HTML pages the server renders itself (Coffer's return pages, the provider simulator's hosted
 * pages, the API reference): escaping, and the headers every such page is sent with. A page loads nothing (no script, no
 * image, no font); its one inline stylesheet is allowed by its hash; its forms post only to its own
 * origin and the origins it names; it cannot be framed (clickjacking a payment form), sniffed as
 * another type, cached, or name its own address to the next site (the address may be a checkout's).
 */
public final class HtmlPages {
    private HtmlPages() {
    }

    /** {@code text} safe inside HTML text and double-quoted attributes. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Answers {@code status} with {@code html}, a whole page whose only inline stylesheet is {@code style}
     * (placed in it with {@link #styleTag}).
     *
     * @param formTargets origins (scheme://host[:port]) besides the page's own that its forms may post or be
     *                    redirected to; none when the page has no form that leads elsewhere
     */
    public static void answer(Context ctx, int status, String html, String style, String... formTargets) {
        secure(ctx, style, formTargets);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    /** The headers of a page (see {@link #answer}); for a redirect, the same headers keep its address to itself. */
    public static void secure(Context ctx, String style, String... formTargets) {
        String forms = Stream.concat(Stream.of("'self'"), Stream.of(formTargets)).collect(Collectors.joining(" "));
        headers(ctx, "default-src 'none'; style-src '" + sha256(style) + "'; base-uri 'none'; "
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

    /** {@code <style>} with exactly the text the page's policy allows. */
    public static String styleTag(String style) {
        return "<style>" + style + "</style>";
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
