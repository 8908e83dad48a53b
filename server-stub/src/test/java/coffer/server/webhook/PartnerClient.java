package coffer.server.webhook;

import coffer.core.signature.PartnerRequestSigner;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;
import coffer.server.testing.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A partner calling the signed routes under {@code /api/v1/partner/} with its environment secret, as a
 * partner's server would; {@link #signedAt} and {@link #unsigned} make the requests a check must refuse.
 */
public record PartnerClient(TestServer server, String secret) {
    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, null);
    }

    public HttpResponse<String> get(String pathWithQuery) {
        return send("GET", pathWithQuery, "", null);
    }

    /** A request signed at {@code at} (a stale one, say). */
    public HttpResponse<String> signedAt(String method, String path, String body, Instant at) {
        return send(method, path, body, at);
    }

    /** The same request without any signature header. */
    public static HttpResponse<String> unsigned(TestServer server, String method, String path, String body) {
        return Http.send(request(server, method, path, body));
    }

    /** A POST with an {@code Idempotency-Key}. */
    public HttpResponse<String> post(String path, String json, String idempotencyKey) {
        return Http.send(signed(request(server, "POST", path, json), "POST", path, json, null)
                .header("Idempotency-Key", idempotencyKey));
    }

    private HttpResponse<String> send(String method, String path, String body, Instant at) {
        return Http.send(signed(request(server, method, path, body), method, path, body, at));
    }

    /** Signed at {@code at}, or afresh (each request its own signature) when it is null. */
    private HttpRequest.Builder signed(HttpRequest.Builder request, String method, String path, String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request.header(PartnerRequestSigner.HEADER, at == null ? PartnerSigning.fresh(secret, method, path, bytes)
                : new PartnerRequestSigner(secret).sign(method, path, bytes, at));
    }

    private static HttpRequest.Builder request(TestServer server, String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .method(method, publisher);
    }
}
