package coffer.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the route fuzz sends, exactly as sent (path and query already percent-encoded), with the
 * seed that generated it, so a failure can be read and replayed.
 *
 * @param contentType null for none
 * @param headers     extra headers (Idempotency-Key, X-Env-Id, Accept), in the order sent
 */
record FuzzRequest(String route, String method, String path, String query, byte[] body, String contentType,
                   Map<String, String> headers, long seed) {

    /** The request target as it goes on the request line (and into a partner signature). */
    String target() {
        return query == null ? path : path + "?" + query;
    }

    /** Everything needed to read and replay the request; long parts cut, their lengths said. */
    String describe() {
        String text = new String(body, StandardCharsets.UTF_8);
        return "route " + route + ", example seed " + seed + "\n  " + method + " " + cut(target(), 2000)
                + "\n  headers " + headers + (contentType == null ? "" : ", Content-Type " + contentType)
                + "\n  body (" + body.length + " bytes) " + cut(text, 2000);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }
}
