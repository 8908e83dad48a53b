package coffer.server.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The ways a client may spell one path: trailing and doubled slashes, dot segments, matrix parameters,
 * percent-encoded characters and separators, case, a query, a fragment, the absolute form. Jetty refuses
 * some (400), Javalin routes some to the same route (a trailing slash), most reach no route (404).
 */
final class Spellings {
    private Spellings() {
    }

    /** {@code path} (no template braces) and every other spelling of it, the path itself first. */
    static List<String> of(String path) {
        String base = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int cut = base.lastIndexOf('/');
        String parent = base.substring(0, cut);
        String last = base.substring(cut + 1);
        String grandparentSegment = parent.substring(parent.lastIndexOf('/') + 1);
        String firstHex = String.format("%%%02X", (int) last.charAt(0));
        List<String> all = new ArrayList<>(List.of(path, base, base + "/", base + "//", "/" + base,
                parent + "//" + last, parent + "/./" + last, parent + "/x/../" + last, base + "/.", base + "/x/..",
                base + ";x=1", parent + ";x=1/" + last, base + "/;", parent + "/" + firstHex + last.substring(1),
                parent + "/" + firstHex.toLowerCase(Locale.ROOT) + last.substring(1), base + "%2F", parent + "%2F" + last,
                base + "%20", parent + "/%2e/" + last, parent + "/%2E%2E/" + grandparentSegment + "/" + last,
                parent + "/..;/" + grandparentSegment + "/" + last, base + "%3Bx=1", base + "%5C", base + "?x=1",
                base + "#x", "http://localhost" + base, base.toUpperCase(Locale.ROOT),
                parent + "/" + last.toUpperCase(Locale.ROOT)));
        return List.copyOf(new LinkedHashSet<>(all));
    }

    /** A route template with each path parameter filled with {@code value}. */
    static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }
}
