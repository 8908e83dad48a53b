package coffer.server.http;

import coffer.core.signature.PartnerRequestSigner;
import coffer.server.CofferServer;
import coffer.server.tenant.DemoData;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One partner request signed with the demo environment's secret, as a partner sent it, and as an
 * attacker who captured it can send it again: the same bytes and header, with any {@code Idempotency-Key}.
 */
record SignedRequest(String method, String path, String body, String header) {
    /** Signed now, afresh. */
    static SignedRequest now(String method, String path, String body) {
        return new SignedRequest(method, path, body, PartnerSigning.fresh(DemoData.ENV_SECRET, method, path, utf8(body)));
    }

    static SignedRequest at(String method, String path, String body, Instant at) {
        return new SignedRequest(method, path, body, new PartnerRequestSigner(DemoData.ENV_SECRET).sign(method, path, utf8(body), at));
    }

    SignedRequest withHeader(String other) {
        return new SignedRequest(method, path, body, other);
    }

    /** Sends it to {@code to} with {@code idempotencyKey} (none when null) and {@code X-Env-Id} of the demo environment. */
    HttpResponse<String> send(CofferServer to, String idempotencyKey) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(to.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("X-Env-Id", DemoData.ENV_ID)
                .header(PartnerRequestSigner.HEADER, header)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(utf8(body)));
        if (idempotencyKey != null) {
            r.header(Requests.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return Http.send(r);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
