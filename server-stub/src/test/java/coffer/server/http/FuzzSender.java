package coffer.server.http;

import coffer.core.signature.PartnerRequestSigner;
import coffer.core.signature.WebhookSigner;
import coffer.server.gateway.ProviderWebhookRoutes;
import coffer.server.tenant.DemoData;
import coffer.server.testing.Http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the route fuzz's requests to the test server (loopback only) with every credential a route may
 * ask for, so the input reaches the handlers: the demo user's Bearer token (the provider simulator's API
 * key under {@code /provider/v1/}), a fresh {@code X-Wallet-Signature} of demo environment 123 over exactly
 * what is sent, and the provider's {@code Coffer-Signature} on its webhook route.
 */
final class FuzzSender {
    /** What came back: the status (-1 for no answer), its content type and the start of its body. */
    record Answer(int status, String contentType, String body) {
        boolean clientError() {
            return status >= 400 && status < 500;
        }

        /**
         * Jetty refused a request line this client never writes (it always writes "METHOD target HTTP/1.1"):
         * the server read the line from somewhere inside an earlier exchange's bytes, so the connection was
         * out of step, which is request smuggling.
         */
        boolean outOfStep() {
            return body.contains(JettyErrors.PREFIX) && UNWRITTEN_LINE_REFUSALS.stream().anyMatch(body::contains);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    /** Jetty's messages for a request line that is not "METHOD target HTTP/1.x". */
    private static final List<String> UNWRITTEN_LINE_REFUSALS = List.of("HTTP/0.9 not supported", "Unknown Version",
            "Unsupported Version", "No URI", "Illegal character");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final String providerApiKey;
    private final WebhookSigner providerWebhooks;
    private final PartnerRequestSigner partner = new PartnerRequestSigner(DemoData.ENV_SECRET);
    /** Signatures already sent: one is good for one request, so a repeated request is signed a second later. */
    private final Set<String> usedSignatures = new HashSet<>();
    private String bearer;

    FuzzSender(String baseUrl, String providerApiKey, String providerWebhookSecret) {
        this.baseUrl = baseUrl;
        this.providerApiKey = providerApiKey;
        this.providerWebhooks = new WebhookSigner(List.of(providerWebhookSecret));
    }

    void signInWith(String accessToken) {
        this.bearer = accessToken;
    }

    /** The answer, or null when the request cannot even be written (a target the HTTP client refuses). */
    Answer send(FuzzRequest r) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(baseUrl + r.target());
        } catch (IllegalArgumentException e) {
            return null;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        try {
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                request.header(h.getKey(), h.getValue());
            }
            if (r.contentType() != null) {
                request.header("Content-Type", r.contentType());
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        request.header("Authorization", "Bearer " + (r.path().startsWith("/provider/v1/") ? providerApiKey : bearer));
        request.header(PartnerRequestSigner.HEADER, partnerSignature(r));
        if (r.path().equals(ProviderWebhookRoutes.PATH)) {
            request.header(WebhookSigner.HEADER, providerWebhooks.sign(r.body(), Instant.now()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return answer(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (HttpTimeoutException e) {
                return new Answer(-1, "", "no answer within " + TIMEOUT.toSeconds() + " s");
            } catch (IOException e) {
                // A server that refuses a request from its head (an oversized body, a malformed target) closes
                // the connection without reading the body: the client may see a reset instead of the answer, or
                // find the pooled connection closed at its next request. A real client tries again; so does this
                // one, a few times, and many times for a large body, which the server refuses while it is written.
                if (attempt == (r.body().length < Http.LARGE_BODY ? 3 : 20)) {
                    return new Answer(-1, "", "no answer: " + e);
                }
                Thread.sleep(20);
            }
        }
    }

    private String partnerSignature(FuzzRequest r) {
        long t = Instant.now().getEpochSecond();
        String signature = partner.sign(r.method(), r.target(), r.body(), t);
        while (!usedSignatures.add(signature)) {
            signature = partner.sign(r.method(), r.target(), r.body(), ++t);
        }
        return signature;
    }

    private static Answer answer(HttpResponse<InputStream> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
            // an event stream never ends: its status and type are the answer
            String text = type.startsWith("text/event-stream") ? ""
                    : new String(body.readNBytes(FuzzInputs.MAX_BODY * 4), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), type, text);
        }
    }
}
