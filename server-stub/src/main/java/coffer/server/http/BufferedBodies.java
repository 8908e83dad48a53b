package coffer.server.http;

import coffer.core.api.ErrorBody;
import coffer.core.error.ErrorCode;
import coffer.server.json.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives each request body in full before the application sees it, without holding a thread while the
 * bytes arrive: the routes read bodies with blocking calls, so a client that sends its body slowly would
 * otherwise keep a worker thread waiting for as long as it likes, and a few hundred such clients stop the
 * server. A body must arrive within {@code deadline} of the request's headers, else the client is answered
 * 408 {@code REQUEST_TIMEOUT} and the connection is closed; a body without a declared length that grows
 * past {@code maxBytes} is answered 413 {@code PAYLOAD_TOO_LARGE}. A declared length over the limit goes
 * straight to the application, which refuses it from the header without reading anything.
 */
final class BufferedBodies extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(BufferedBodies.class);
    /** What a buffer starts at: a declared length is the client's word, not a reason to allocate it. */
    private static final int INITIAL_BUFFER = 8 * 1024;

    private final long maxBytes;
    private final Duration deadline;

    BufferedBodies(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        HttpFields headers = request.getHeaders();
        long length = headers.getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = headers.contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (!chunked && (length <= 0 || length > maxBytes)) {
            return next.handle(request, response, callback);
        }
        new Arrival(next, request, response, callback).start();
        return true;
    }

    /** One body on its way in: read whenever bytes arrive, until it is complete, too big or too late. */
    private final class Arrival implements Runnable, Invocable {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean decided = new AtomicBoolean();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(INITIAL_BUFFER);
        private volatile Scheduler.Task timer;

        Arrival(Handler next, Request request, Response response, Callback callback) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadline);
            read(false);
        }

        /** Bytes arrived (Jetty's demand callback); never blocks, so Jetty may call it from its selector. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean inCallback) {
            while (!decided.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failed(chunk);
                    return;
                }
                boolean last = chunk.isLast();
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean tooBig = body.size() + (long) bytes.remaining() > maxBytes;
                if (!tooBig) {
                    copy(bytes);
                }
                chunk.release();
                if (tooBig) {
                    if (decide()) {
                        refuse(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes / 1024 + " KiB.");
                    }
                    return;
                }
                if (last) {
                    if (decide()) {
                        if (inCallback) {
                            // the application blocks; it must not run on the thread that delivered the bytes
                            request.getContext().execute(this::handOver);
                        } else {
                            handOver();
                        }
                    }
                    return;
                }
            }
        }

        private void copy(ByteBuffer bytes) {
            if (bytes.hasArray()) {
                body.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.duplicate().get(copy);
                body.writeBytes(copy);
            }
        }

        private void failed(Content.Chunk failure) {
            if (!failure.isLast()) {
                // a passing failure, such as the connection's idle timeout: the client is still there to be told
                if (decide()) {
                    refuse(ErrorCode.REQUEST_TIMEOUT, ErrorCode.REQUEST_TIMEOUT.defaultMessage());
                }
            } else if (decide()) {
                // the client went away or broke the framing: there is no one to answer
                callback.failed(failure.getFailure());
            }
        }

        private void expire() {
            if (decide()) {
                log.info("{} {}: the request body did not arrive within {} s; answered 408", request.getMethod(),
                        Request.getPathInContext(request), deadline.toSeconds());
                refuse(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive within " + deadline.toSeconds() + " s.");
            }
        }

        /** True for the first of: the body completed, it grew too big, it failed, the deadline passed. */
        private boolean decide() {
            if (!decided.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task t = timer;
            if (t != null) {
                t.cancel();
            }
            return true;
        }

        private void handOver() {
            Request whole = new Buffered(request, body.toByteArray());
            try {
                if (!next.handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(whole, response, callback, t);
            }
        }

        /** Answers in the API's error shape and closes the connection, since the rest of the body is never read. */
        private void refuse(ErrorCode code, String message) {
            response.setStatus(code.httpStatus());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(new HttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString()));
            byte[] json = Json.gson().toJson(ErrorBody.of(code, message)).getBytes(StandardCharsets.UTF_8);
            response.write(true, ByteBuffer.wrap(json), callback);
        }
    }

    /** The request as the application sees it: its body already here, in one piece. */
    private static final class Buffered extends Request.Wrapper {
        private Content.Chunk body;

        Buffered(Request request, byte[] body) {
            super(request);
            this.body = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = body;
            if (chunk == null) {
                return Content.Chunk.EOF;
            }
            body = null;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            // read() always has something to give
            demandCallback.run();
        }
    }
}
