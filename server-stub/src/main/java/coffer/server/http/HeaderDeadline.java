package coffer.server.http;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Closes connections whose request headers take too long (slowloris): Jetty parses headers without a
 * thread, but its idle timeout starts again with every byte, so a client sending a byte every few seconds
 * would keep its connection for ever. Once a second this looks at every connection: one that has not
 * finished the headers of its first request (TLS handshake included) within {@code deadline} of
 * connecting, or of a later request within {@code deadline} of that request's first byte, is closed
 * without an answer. A connection between requests is left to the idle timeout.
 */
final class HeaderDeadline extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final Server server;
    private final Duration deadline;
    private volatile Scheduler.Task next;

    HeaderDeadline(Server server, Duration deadline) {
        this.server = server;
        this.deadline = deadline;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        next = server.getScheduler().schedule(this::sweep, SWEEP);
    }

    private void sweep() {
        try {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof AbstractConnector c) {
                    c.getConnectedEndPoints().forEach(this::closeIfLate);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for connections with late request headers failed", e);
        } finally {
            if (isRunning()) {
                schedule();
            }
        }
    }

    private void closeIfLate(EndPoint endPoint) {
        HttpConnection http = http(endPoint.getConnection());
        if (http == null) {
            return;
        }
        // the parser belongs to the connection's own thread: this reads a snapshot, and a stale one only delays the close
        HttpParser parser = http.getParser();
        boolean late;
        if (http.getMessagesIn() == 0) {
            late = System.currentTimeMillis() - endPoint.getCreatedTimeStamp() > deadline.toMillis();
        } else {
            long begun = parser.getBeginNanoTime();
            late = parser.inHeaderState() && !parser.isStart() && begun != 0 && NanoTime.since(begun) > deadline.toNanos();
        }
        if (late) {
            log.info("Closing a connection from {}: its request headers did not arrive within {} s",
                    endPoint.getRemoteSocketAddress(), deadline.toSeconds());
            endPoint.close(new TimeoutException("request headers did not arrive within " + deadline.toSeconds() + " s"));
        }
    }

    /** The HTTP/1 connection on an endpoint, under TLS if there is TLS; null for anything else. */
    private static HttpConnection http(Connection connection) {
        Connection c = connection;
        while (c instanceof SslConnection ssl) {
            c = ssl.getSslEndPoint().getConnection();
        }
        return c instanceof HttpConnection h ? h : null;
    }
}
