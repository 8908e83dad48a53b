package coffer.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to a server on this machine, for requests no HTTP client would send as
 * written: any method, any request target byte for byte (dot segments, double slashes, matrix
 * parameters, percent-encodings), from any loopback source address (127.0.0.0/8), so a test can act as
 * many clients with distinct IPs.
 */
final class RawHttp {
    /** One answer: status and body; the body of an error the server itself refused with may be HTML. */
    record Answer(int status, String body) {
        boolean rateLimited() {
            return status == 429 && body.contains("RATE_LIMITED");
        }

        /**
         * True when no route handled the request: refused for its limit, no route for that spelling
         * (Javalin's 404, or 400 where a surface answers problems), or refused by Jetty before routing (400).
         */
        boolean reachedNoHandler() {
            return rateLimited() || (status == 404 || status == 400) && body.contains("Endpoint ") && body.contains(" not found")
                    || status == 400 && body.contains(JettyErrors.PREFIX);
        }
    }

    private final int port;
    private final String from;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** Requests to the server on {@code port}, sent from the loopback address {@code from}. */
    static RawHttp to(int port, String from) {
        if (!from.startsWith("127.")) {
            throw new IllegalArgumentException("tests only send from loopback addresses, not " + from);
        }
        return new RawHttp(port, from);
    }

    RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Answer send(String method, String target, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " from " + from, e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        String statusLine = text.substring(0, text.indexOf("\r\n"));
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        return new Answer(status, headEnd < 0 ? "" : text.substring(headEnd + 4));
    }
}
