package coffer.server.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a server-rendered page back as a browser would: an element's attribute or text with its
 * character references decoded, so a test compares what the user sees with what was put in, whatever
 * spelling the escaping chose ({@code &quot;} or {@code &#34;}).
 */
public final class Markup {
    /** A start tag: its name, then attributes bare or double-quoted (a value may hold a '>', never a '"'). */
    private static final Pattern TAG = Pattern.compile("<([a-z][a-z0-9]*)(?:\\s+[a-zA-Z-]+(?:=\"[^\"]*\")?)*\\s*>");
    private static final Pattern REFERENCE = Pattern.compile("&(?:#(\\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));");

    private Markup() {
    }

    /**
     * The decoded value of {@code attribute} on the first start tag that holds {@code marker} (such as
     * {@code id="name"}, or {@code <form} for the first form), if that tag has the attribute.
     */
    public static Optional<String> attribute(String html, String marker, String attribute) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "(?:=\"([^\"]*)\")?[\\s>]").matcher(tag(html, marker).group());
        return value.find() ? Optional.of(value.group(1) == null ? "" : decode(value.group(1))) : Optional.empty();
    }

    /** The decoded text right after the first start tag that holds {@code marker}, up to the next tag. */
    public static String text(String html, String marker) {
        Matcher tag = tag(html, marker);
        int end = html.indexOf('<', tag.end());
        return decode(html.substring(tag.end(), end < 0 ? html.length() : end));
    }

    private static Matcher tag(String html, String marker) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (tag.group().contains(marker)) {
                return tag;
            }
        }
        throw new AssertionError("no tag with " + marker + " in " + html);
    }

    /** {@code text} with its character references replaced by the characters they stand for. */
    public static String decode(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String named = m.group(3);
            int c = m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group(2) != null ? Integer.parseInt(m.group(2), 16)
                    : switch (named) {
                        case "lt" -> '<';
                        case "gt" -> '>';
                        case "amp" -> '&';
                        case "quot" -> '"';
                        default -> '\'';
                    };
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(c))));
        }
        return m.appendTail(out).toString();
    }
}
