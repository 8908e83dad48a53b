package coffer.server.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Raw loopback connections that send a request a little at a time and never finish it, as a slow-request
 * attacker does: each {@link #tick()} sends every open connection its next byte (or, for a chunked body,
 * its next one-byte chunk) and notes which connections the server has answered or closed. Not thread-safe:
 * one thread ticks, and reads the endings once it has stopped.
 */
final class Dribblers implements AutoCloseable {
    /** What a connection dribbles. */
    enum Kind {
        /** A sign-in body with a declared length. */
        LOGIN_WITH_LENGTH,
        /** A sign-in body in chunks, without a length. */
        LOGIN_CHUNKED,
        /** A signed-in transfer body with a declared length. */
        MONEY_WITH_LENGTH,
        /** A signed-in transfer body in chunks. */
        MONEY_CHUNKED,
        /** The request headers themselves (slowloris). */
        HEADERS
    }

    /** How a connection ended: how long it lived, and the server's status line ("" when it closed without one). */
    record Ending(Kind kind, Duration lived, String statusLine, String answer) {
    }

    private static final class Connection {
        final Kind kind;
        final SocketChannel channel;
        final long openedAt = System.nanoTime();
        final StringBuilder received = new StringBuilder();
        final byte[] trickle;
        int sent;

        Connection(Kind kind, SocketChannel channel, byte[] trickle) {
            this.kind = kind;
            this.channel = channel;
            this.trickle = trickle;
        }
    }

    private static final String BODY = "{\"email\":\"alice@example.com\",\"password\":\"" + "x".repeat(900) + "\"}";

    private final InetSocketAddress server;
    private final String accessToken;
    private final List<Connection> open = new ArrayList<>();
    private final List<Ending> endings = new ArrayList<>();

    Dribblers(int port, String accessToken) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.accessToken = accessToken;
    }

    /** Opens a connection and sends the part of its request that comes at once. */
    void open(Kind kind) throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.configureBlocking(false);
        String head = switch (kind) {
            case LOGIN_WITH_LENGTH -> post("/api/v1/auth/login", false);
            case LOGIN_CHUNKED -> post("/api/v1/auth/login", true);
            case MONEY_WITH_LENGTH -> post("/api/v1/transfers", false);
            case MONEY_CHUNKED -> post("/api/v1/transfers", true);
            case HEADERS -> "";
        };
        byte[] trickle = kind == Kind.HEADERS
                ? (post("/api/v1/auth/login", false) + BODY).getBytes(StandardCharsets.US_ASCII)
                : BODY.getBytes(StandardCharsets.US_ASCII);
        writeFully(channel, head.getBytes(StandardCharsets.US_ASCII));
        open.add(new Connection(kind, channel, trickle));
    }

    private String post(String path, boolean chunked) {
        String auth = path.startsWith("/api/v1/auth/") ? "" : "Authorization: Bearer " + accessToken + "\r\n";
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\n" + auth
                + "Content-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + BODY.length() + "\r\n") + "\r\n";
    }

    /**
     * Reads what the server sent each open connection, records those it has closed (or reset), and sends
     * the others their next piece; answers the kinds of the connections that ended in this tick.
     */
    List<Kind> tick() {
        List<Kind> ended = new ArrayList<>();
        for (Iterator<Connection> it = open.iterator(); it.hasNext(); ) {
            Connection c = it.next();
            if (!readAndSend(c)) {
                it.remove();
                ended.add(c.kind);
                endings.add(ending(c));
                closeQuietly(c.channel);
            }
        }
        return ended;
    }

    /** False once the server has closed the connection. */
    private boolean readAndSend(Connection c) {
        try {
            ByteBuffer in = ByteBuffer.allocate(4096);
            int n;
            while ((n = c.channel.read(in)) > 0) {
                c.received.append(new String(in.array(), 0, n, StandardCharsets.ISO_8859_1));
                in.clear();
            }
            if (n < 0) {
                return false;
            }
            if (c.sent < c.trickle.length) {
                byte b = c.trickle[c.sent++];
                boolean chunked = c.kind == Kind.LOGIN_CHUNKED || c.kind == Kind.MONEY_CHUNKED;
                writeFully(c.channel, chunked
                        ? ("1\r\n" + (char) b + "\r\n").getBytes(StandardCharsets.US_ASCII)
                        : new byte[] {b});
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Ending ending(Connection c) {
        String text = c.received.toString();
        int eol = text.indexOf("\r\n");
        return new Ending(c.kind, Duration.ofNanos(System.nanoTime() - c.openedAt), eol < 0 ? text : text.substring(0, eol),
                text);
    }

    private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** How many connections the server has neither answered nor closed yet. */
    int stillOpen() {
        return open.size();
    }

    /** The longest time a still-open connection has been connected. */
    Duration oldestOpen() {
        long now = System.nanoTime();
        return open.stream().map(c -> Duration.ofNanos(now - c.openedAt)).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    List<Ending> endings() {
        return List.copyOf(endings);
    }

    @Override
    public void close() {
        open.forEach(c -> closeQuietly(c.channel));
        open.clear();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
