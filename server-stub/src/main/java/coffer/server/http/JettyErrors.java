package coffer.server.http;

import coffer.core.api.ErrorBody;
import coffer.server.json.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request Jetty refuses before any route sees it (a target with bad percent-encoded UTF-8,
 * one too long, headers too large, a request line that is not HTTP/1.x): the same
 * {@code {"error": {"code", "message"}}} body as every other refusal, with the code for its status, instead
 * of Jetty's own HTML or JSON page without a code. A request Jetty cannot read is the client's fault: its
 * "HTTP version not supported" (505, for an HTTP/0.9 line or an unknown version) is answered 400
 * {@code INVALID_REQUEST}, not as a server failure.
 */
final class JettyErrors extends ErrorHandler {

    /** Every method gets the error body (Jetty's own handler writes one for GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        int answered = statusFor(status);
        response.setStatus(answered);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        // a request refused before routing may have left the connection unreadable: say it ends here
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, body(answered, message), callback);
    }

    /**
     * A request Jetty could not parse (a target too long, headers too large, bad UTF-8 in the target) ends its
     * connection once answered; {@code Connection: close} says so, or a client would send its next request on
     * the closed connection and, for a POST it does not retry, fail with no answer at all.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString()));
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return body(status, reason);
    }

    /**
     * The status a refusal is answered with: Jetty's own, except "HTTP version not supported", which Jetty's
     * parser gives a request line it cannot read as HTTP/1.x (no version, an unknown one): a malformed
     * request, the client's to fix, so 400. Jetty's other refusals before routing are already 4xx.
     */
    private static int statusFor(int status) {
        return status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : status;
    }

    /** How every message of this handler starts: the request never reached a route. */
    static final String PREFIX = "Refused before routing: ";

    private static ByteBuffer body(int status, String message) {
        var code = ErrorHandling.codeFor(status);
        String text = PREFIX + (message == null || message.isBlank() ? code.defaultMessage() : message);
        return ByteBuffer.wrap(Json.gson().toJson(ErrorBody.of(code, text)).getBytes(StandardCharsets.UTF_8));
    }
}
