package coffer.server.http;

import coffer.core.api.ErrorBody;
import coffer.server.json.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request Jetty refuses before any route sees it (a target with bad percent-encoded UTF-8,
 * one too long, headers too large): the same {@code {"error": {"code", "message"}}} body as every other
 * refusal, with the code for its status, instead of Jetty's own HTML or JSON page without a code.
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
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        // a request refused before routing may have left the connection unreadable: say it ends here
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, body(status, message), callback);
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

    /** How every message of this handler starts: the request never reached a route. */
    static final String PREFIX = "Refused before routing: ";

    private static ByteBuffer body(int status, String message) {
        var code = ErrorHandling.codeFor(status);
        String text = PREFIX + (message == null || message.isBlank() ? code.defaultMessage() : message);
        return ByteBuffer.wrap(Json.gson().toJson(ErrorBody.of(code, text)).getBytes(StandardCharsets.UTF_8));
    }
}
