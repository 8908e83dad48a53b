package coffer.server.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes the connection of a client that reads its answer too slowly. The routes write with blocking
 * calls, and a write the client does not take keeps a worker thread; Jetty's idle timeout starts again
 * whenever some bytes get through, so a client reading a trickle could hold the thread for as long as
 * the answer lasts. Here each write must be taken within {@code grace} plus its size at
 * {@code minBytesPerSecond}, else the connection is closed, which fails the write and frees the thread.
 * Writes the kernel takes at once (most answers, event stream messages) cost a timer each and nothing else.
 */
final class WriteDeadline extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(WriteDeadline.class);

    private final Duration grace;
    private final long minBytesPerSecond;

    WriteDeadline(Duration grace, long minBytesPerSecond) {
        this.grace = grace;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Timed(request, response), callback);
    }

    private final class Timed extends Response.Wrapper {
        Timed(Request request, Response response) {
            super(request, response);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            Request request = getRequest();
            long bytes = content == null ? 0 : content.remaining();
            long allowed = grace.toMillis() + bytes * 1000 / minBytesPerSecond;
            Scheduler.Task timer = request.getComponents().getScheduler()
                    .schedule(() -> abort(request, allowed), allowed, TimeUnit.MILLISECONDS);
            super.write(last, content, new Callback.Nested(callback) {
                @Override
                public void completed() {
                    timer.cancel();
                }
            });
        }
    }

    private static void abort(Request request, long allowedMillis) {
        log.info("{} {}: the client did not take the answer within {} ms; closing the connection", request.getMethod(),
                Request.getPathInContext(request), allowedMillis);
        request.getConnectionMetaData().getConnection().getEndPoint()
                .close(new TimeoutException("the answer was not read within " + allowedMillis + " ms"));
    }
}
