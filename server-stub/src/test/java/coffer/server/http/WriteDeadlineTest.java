package coffer.server.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that reads a large answer at a trickle (enough to keep the connection from going idle) must
 * not keep the worker thread that writes it: the write fails after the deadline and the connection closes.
 */
class WriteDeadlineTest {
    /** A 1 MiB write may take 1 s plus 1 s for its size. */
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final long MIN_RATE = 1 << 20;
    /** Generous against the 2 s a write may take; without the deadline the thread stays much longer. */
    private static final Duration FREED_WITHIN = Duration.ofSeconds(12);
    private static final int PIECE = 1 << 20;
    private static final int PIECES = 64;

    private final Server server = new Server();
    /** How the handler's blocking writes ended: null when all were written, else the failure. */
    private final CompletableFuture<Throwable> writes = new CompletableFuture<>();

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aTrickleReaderIsCutOffAndTheWritingThreadFreed() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new WriteDeadline(GRACE, MIN_RATE));
        ((Handler.Wrapper) server.getHandler()).setHandler(new LargeAnswer());
        server.start();

        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", connector.getLocalPort()));
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            long read = 0;
            long giveUp = System.nanoTime() + FREED_WITHIN.toNanos();
            // about 10 KiB/s: the connection never goes idle, yet a 1 MiB write takes far longer than the deadline
            while (!writes.isDone() && System.nanoTime() < giveUp) {
                int n = readSome(in, buffer);
                if (n < 0) {
                    break;
                }
                read += n;
                Thread.sleep(100);
            }
            assertThat(writes).as("the writing thread is freed within %s", FREED_WITHIN).isDone();
            assertThat(writes.get()).as("the handler's writes ended in a failure").isNotNull();
            assertThat(read).isLessThan((long) PIECE * PIECES);
            assertThat(drainsToTheEnd(in)).as("the connection is closed").isTrue();
        }
    }

    /** Up to a buffer's worth; -1 once the connection is closed or reset. */
    private static int readSome(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads what the kernel still holds; true once the server's close shows (end of stream or a reset). */
    private static boolean drainsToTheEnd(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // keep reading
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /** Writes 64 MiB in 1 MiB pieces with blocking writes, as a route on a worker thread does. */
    private final class LargeAnswer extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            byte[] piece = new byte[PIECE];
            try {
                for (int i = 0; i < PIECES; i++) {
                    FutureCallback written = new FutureCallback();
                    response.write(i == PIECES - 1, ByteBuffer.wrap(piece), written);
                    written.get();
                }
                writes.complete(null);
                callback.succeeded();
            } catch (ExecutionException e) {
                writes.complete(e.getCause());
                callback.failed(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writes.complete(e);
                callback.failed(e);
            }
            return true;
        }
    }
}
