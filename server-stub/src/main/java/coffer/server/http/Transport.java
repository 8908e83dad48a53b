package coffer.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * How the server meets the network: its one listener (plain HTTP, or HTTPS only when given a
 * {@link TlsIdentity}) and its defences against clients that are slow on purpose. Jetty parses request
 * headers without a thread, but the routes read bodies and write answers with blocking calls, so:
 * <ul>
 *   <li>a request body is received in full without a thread ({@link BufferedBodies}) and must arrive within
 *       {@link #BODY_DEADLINE}, else 408 {@code REQUEST_TIMEOUT};</li>
 *   <li>request headers must arrive within {@link #HEADER_DEADLINE} ({@link HeaderDeadline});</li>
 *   <li>each response write must be taken by the client within {@link #WRITE_GRACE} plus its size at
 *       {@link #MIN_WRITE_RATE} ({@link WriteDeadline});</li>
 *   <li>a connection that says nothing for {@link #IDLE_TIMEOUT} is closed, and at most
 *       {@link #MAX_CONNECTIONS} are open at once (further ones wait in the kernel's backlog), so file
 *       handles are left for the database and outgoing calls.</li>
 * </ul>
 */
public final class Transport {
    static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** A write may take this long, plus its size at {@link #MIN_WRITE_RATE}. */
    static final Duration WRITE_GRACE = Duration.ofSeconds(10);
    /** Bytes a second: slower than any real link (128 kbit/s), fast enough that a trickle cannot hold a thread for long. */
    static final long MIN_WRITE_RATE = 16 * 1024;
    /** Longer than the event stream's keep-alive comments, which keep idle streams open. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_CONNECTIONS = 2000;

    private Transport() {
    }

    /** Installs the defences into a server being configured ({@code Javalin.create}). */
    static void protect(JavalinConfig config) {
        config.jetty.modifyServer(server -> {
            // each insert goes in front of the last: the write deadline sees every answer, 408s included
            server.insertHandler(new BufferedBodies(HttpApi.MAX_REQUEST_BYTES, BODY_DEADLINE));
            server.insertHandler(new WriteDeadline(WRITE_GRACE, MIN_WRITE_RATE));
            server.addBean(new HeaderDeadline(server, HEADER_DEADLINE));
            server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
        });
    }

    /** Starts {@code app} listening on {@code host:port}, over TLS when {@code tls} is given (and then only over TLS). */
    public static void start(Javalin app, String host, int port, TlsIdentity tls) {
        app.unsafe.jetty.addConnector((server, http) -> connector(server, http, host, port, tls));
        app.start();
    }

    private static Connector connector(Server server, HttpConfiguration http, String host, int port, TlsIdentity tls) {
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            HttpConfiguration https = new HttpConfiguration(http);
            https.setSecureScheme("https");
            https.setSecurePort(port);
            // one certificate, whatever name a client asks for: the server's calls to itself say localhost
            https.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, tls.serverContext(), new HttpConnectionFactory(https));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return connector;
    }

    /** The address and port the server is bound to. */
    public static InetSocketAddress address(Javalin app) {
        ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
        try {
            return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server's own base URL, such as {@code https://localhost:8443}: {@code localhost} when it listens on
     * every address or on loopback, else the one address it listens on.
     */
    public static String baseUrl(Javalin app) {
        ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
        String scheme = connector.getConnectionFactory(SslConnectionFactory.class) == null ? "http" : "https";
        InetAddress bound = address(app).getAddress();
        String host = bound.isAnyLocalAddress() || bound.isLoopbackAddress() ? "localhost"
                : bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return scheme + "://" + host + ":" + connector.getLocalPort();
    }

    /**
     * A client for the server's calls to itself (the provider simulator and Coffer's side of it): with TLS it
     * trusts exactly the server's own certificate. Built at its first call, not at start: building it
     * loads the TLS stack and the JDK's trusted certificates even for plain HTTP.
     */
    public static Lazy<HttpClient> selfClient(TlsIdentity tls) {
        return Lazy.of(() -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
            return (tls == null ? builder : builder.sslContext(tls.trustingItself())).build();
        });
    }
}
