package coffer.server.testing;

import coffer.core.signature.WebhookSigner;
import coffer.server.gateway.ProviderEvent;
import coffer.server.gateway.ProviderEventHandler;
import com.google.gson.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Provider webhooks in tests: a handler that records what it was given, and crafted (signed, forged, stale) events. */
public final class ProviderEvents {
    private ProviderEvents() {
    }

    /** Records every event of its types; refuses (throws) those {@code refuse} picks, to make Coffer answer 500. */
    public static final class Recorder implements ProviderEventHandler {
        private final Set<String> types;
        private final List<ProviderEvent> seen = new CopyOnWriteArrayList<>();
        private final List<ProviderEvent> applied = new CopyOnWriteArrayList<>();
        private volatile Predicate<ProviderEvent> refuse = e -> false;

        public Recorder(String... types) {
            this.types = Set.of(types);
        }

        public Recorder refusing(Predicate<ProviderEvent> which) {
            this.refuse = which;
            return this;
        }

        @Override
        public Set<String> types() {
            return types;
        }

        @Override
        public boolean handle(ProviderEvent event) {
            seen.add(event);
            if (refuse.test(event)) {
                throw new IllegalStateException("refused by the test");
            }
            applied.add(event);
            return true;
        }

        /** Every delivery the handler was given, refused ones included. */
        public List<ProviderEvent> seen() {
            return seen;
        }

        public List<ProviderEvent> applied() {
            return applied;
        }

        /** The applied events about {@code reference}. */
        public List<ProviderEvent> about(String reference) {
            return applied.stream().filter(e -> reference.equals(e.string("reference"))).toList();
        }
    }

    /** An event body {@code {id, type, created, data}}. */
    public static String event(String id, String type, JsonObject data) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("type", type);
        o.addProperty("created", Instant.now().toString());
        o.add("data", data);
        return o.toString();
    }

    /** POSTs {@code body} to {@code /webhooks/provider} signed with {@code secret} at {@code at} (null: no signature). */
    public static HttpResponse<String> send(TestServer server, String body, String secret, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/webhooks/provider")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (secret != null) {
            request.header(WebhookSigner.HEADER, new WebhookSigner(List.of(secret)).sign(bytes, at));
        }
        return Http.send(request);
    }
}
