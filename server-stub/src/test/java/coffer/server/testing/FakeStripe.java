package coffer.server.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Stripe's API as the tests need it, on a {@link MockWebServer} on 127.0.0.1: Checkout Sessions created
 * and retrieved, PaymentIntents created (saved cards charged off-session) and retrieved with their
 * payment method, refunds, and Stripe's documented JSON and error shapes. Every request is recorded with
 * its form-encoded parameters, so a test asserts what Coffer sent. Also signs webhook deliveries the way
 * Stripe documents ({@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>}).
 */
public final class FakeStripe implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_coffer_fake_key";
    public static final String WEBHOOK_SECRET = "whsec_coffer_fake_secret";
    /** A payment method the fake declines when charged off-session. */
    public static final String DECLINED_METHOD = "pm_card_chargeDeclined";
    private volatile boolean processingCharges;

    /** One request Coffer sent: its method, path, headers and decoded form parameters. */
    public record Call(String method, String path, Map<String, String> params, String authorization, String idempotencyKey) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> sessions = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> intents = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Predicate<Call> failing = c -> false;

    public FakeStripe() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Coffer's Stripe client is pointed ({@code --stripe-api-base}). */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** Every request so far, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests to {@code method path} (the path without its query). */
    public List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    /** Answers 500 (an API error) to the requests {@code which} picks, until told otherwise. */
    public void failWhen(Predicate<Call> which) {
        this.failing = which;
    }

    /** The session with this id as Stripe would answer it now. */
    public JsonObject session(String id) {
        return sessions.get(id).deepCopy();
    }

    /** The session created for Coffer's {@code reference} (a top-up id). */
    public JsonObject sessionFor(String reference) {
        return sessions.values().stream().filter(s -> reference.equals(s.get("client_reference_id").getAsString()))
                .findFirst().orElseThrow(() -> new AssertionError("no session for " + reference)).deepCopy();
    }

    /**
     * The session paid at Stripe's page (complete, {@code payment_status} as given), with its PaymentIntent
     * (and customer, when the card is to be saved) made; answers the session as an event carries it.
     */
    public JsonObject pay(String sessionId, String paymentStatus) {
        JsonObject s = sessions.get(sessionId);
        String intent = "pi_test_" + ids.incrementAndGet();
        boolean save = s.getAsJsonObject("metadata").has("coffer_save_card");
        String customer = save ? "cus_test_" + ids.incrementAndGet() : null;
        s.addProperty("status", "complete");
        s.addProperty("payment_status", paymentStatus);
        s.addProperty("payment_intent", intent);
        s.add("url", JsonNull.INSTANCE);
        if (customer != null) {
            s.addProperty("customer", customer);
        }
        JsonObject pi = intent(intent, s.get("amount_total").getAsLong(), s.get("currency").getAsString(), "succeeded",
                customer, "pm_test_" + ids.incrementAndGet());
        intents.put(intent, pi);
        return s.deepCopy();
    }

    /** Whether an off-session charge answers {@code processing} (Stripe decides it later, by an event) from now on. */
    public void processCharges(boolean processing) {
        processingCharges = processing;
    }

    /**
     * The PaymentIntent charged for Coffer's {@code reference}, ended as {@code status} ({@code succeeded}, or
     * {@code requires_payment_method} with a card_declined error); answers it as an event carries it.
     */
    public JsonObject finishCharge(String reference, String status) {
        JsonObject pi = intents.values().stream()
                .filter(i -> reference.equals(Optional.ofNullable(i.getAsJsonObject("metadata").get("coffer_reference"))
                        .map(com.google.gson.JsonElement::getAsString).orElse(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no PaymentIntent for " + reference));
        pi.addProperty("status", status);
        if ("succeeded".equals(status)) {
            pi.addProperty("amount_received", pi.get("amount").getAsLong());
        } else {
            JsonObject error = new JsonObject();
            error.addProperty("type", "card_error");
            error.addProperty("code", "card_declined");
            pi.add("last_payment_error", error);
        }
        return pi.deepCopy();
    }

    /** The session expired at Stripe; answers it as an event carries it. */
    public JsonObject expire(String sessionId) {
        JsonObject s = sessions.get(sessionId);
        s.addProperty("status", "expired");
        s.add("url", JsonNull.INSTANCE);
        return s.deepCopy();
    }

    // ---- webhook deliveries ----

    /** An event as Stripe sends it, of the library's pinned API version, about {@code object}. */
    public static String event(String id, String type, JsonObject object) {
        JsonObject e = new JsonObject();
        e.addProperty("id", id);
        e.addProperty("object", "event");
        e.addProperty("api_version", Stripe.API_VERSION);
        e.addProperty("created", Instant.now().getEpochSecond());
        JsonObject data = new JsonObject();
        data.add("object", object);
        e.add("data", data);
        e.addProperty("livemode", false);
        e.addProperty("pending_webhooks", 1);
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        e.add("request", request);
        e.addProperty("type", type);
        return e.toString();
    }

    /** Stripe's {@code Stripe-Signature} header for {@code payload} signed with {@code secret} at {@code at}. */
    public static String signature(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code payload} to the server's {@code /webhooks/stripe} with {@code signature} (null: none). */
    public static HttpResponse<String> deliver(TestServer server, String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/webhooks/stripe")))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return Http.send(request);
    }

    /** Delivers {@code payload} signed now with the webhook secret, as Stripe would. */
    public static HttpResponse<String> deliver(TestServer server, String payload) {
        return deliver(server, payload, signature(payload, WEBHOOK_SECRET, Instant.now()));
    }

    // ---- the API ----

    private MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        Map<String, String> params = form(request.getBody().readUtf8());
        Call call = new Call(request.getMethod(), path, params, request.getHeader("Authorization"),
                request.getHeader("Idempotency-Key"));
        calls.add(call);
        if (!("Bearer " + SECRET_KEY).equals(call.authorization())) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided.");
        }
        if (failing.test(call)) {
            return error(500, "api_error", null, "Something went wrong on Stripe's end.");
        }
        String[] parts = path.split("/");
        if (call.method().equals("POST") && path.equals("/v1/checkout/sessions")) {
            return json(createSession(params));
        }
        if (call.method().equals("GET") && path.startsWith("/v1/checkout/sessions/") && parts.length == 5) {
            JsonObject s = sessions.get(parts[4]);
            return s == null ? missing("checkout.session", parts[4]) : json(s);
        }
        if (call.method().equals("POST") && path.equals("/v1/payment_intents")) {
            return charge(params);
        }
        if (call.method().equals("GET") && path.startsWith("/v1/payment_intents/") && parts.length == 4) {
            JsonObject pi = intents.get(parts[3]);
            return pi == null ? missing("payment_intent", parts[3]) : json(expanded(pi));
        }
        if (call.method().equals("POST") && path.equals("/v1/refunds")) {
            return refund(params);
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + call.method() + ": " + path + ").");
    }

    private JsonObject createSession(Map<String, String> p) {
        String id = "cs_test_" + ids.incrementAndGet();
        JsonObject s = new JsonObject();
        s.addProperty("id", id);
        s.addProperty("object", "checkout.session");
        s.addProperty("amount_subtotal", Long.parseLong(p.get("line_items[0][price_data][unit_amount]")));
        s.addProperty("amount_total", Long.parseLong(p.get("line_items[0][price_data][unit_amount]")));
        s.addProperty("cancel_url", p.get("cancel_url"));
        s.addProperty("client_reference_id", p.get("client_reference_id"));
        s.addProperty("created", Instant.now().getEpochSecond());
        s.addProperty("currency", p.get("line_items[0][price_data][currency]"));
        s.add("customer", JsonNull.INSTANCE);
        s.addProperty("customer_email", p.get("customer_email"));
        s.addProperty("expires_at", p.containsKey("expires_at") ? Long.parseLong(p.get("expires_at"))
                : Instant.now().plusSeconds(24 * 3600).getEpochSecond());
        s.addProperty("livemode", false);
        JsonObject metadata = new JsonObject();
        p.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.addProperty(k.substring("metadata[".length(), k.length() - 1), v);
            }
        });
        s.add("metadata", metadata);
        s.addProperty("mode", p.get("mode"));
        s.add("payment_intent", JsonNull.INSTANCE);
        JsonArray types = new JsonArray();
        types.add("card");
        s.add("payment_method_types", types);
        s.addProperty("payment_status", "unpaid");
        s.addProperty("status", "open");
        s.addProperty("success_url", p.get("success_url"));
        s.addProperty("url", "https://checkout.stripe.com/c/pay/" + id);
        sessions.put(id, s);
        return s;
    }

    private MockResponse charge(Map<String, String> p) {
        String id = "pi_test_" + ids.incrementAndGet();
        if (DECLINED_METHOD.equals(p.get("payment_method"))) {
            JsonObject declined = intent(id, Long.parseLong(p.get("amount")), p.get("currency"), "requires_payment_method",
                    p.get("customer"), p.get("payment_method"));
            intents.put(id, declined);
            JsonObject body = errorBody("card_error", "card_declined", "Your card was declined.");
            body.getAsJsonObject("error").addProperty("decline_code", "generic_decline");
            body.getAsJsonObject("error").add("payment_intent", declined);
            return new MockResponse().setResponseCode(402).setHeader("Content-Type", "application/json")
                    .setHeader("Request-Id", "req_" + ids.incrementAndGet()).setBody(body.toString());
        }
        JsonObject pi = intent(id, Long.parseLong(p.get("amount")), p.get("currency"),
                processingCharges ? "processing" : "succeeded", p.get("customer"), p.get("payment_method"));
        p.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                pi.getAsJsonObject("metadata").addProperty(name.substring(9, name.length() - 1), value);
            }
        });
        intents.put(id, pi);
        return json(pi);
    }

    private MockResponse refund(Map<String, String> p) {
        JsonObject pi = intents.get(p.get("payment_intent"));
        if (pi == null) {
            return missing("payment_intent", p.get("payment_intent"));
        }
        JsonObject r = new JsonObject();
        r.addProperty("id", "re_test_" + ids.incrementAndGet());
        r.addProperty("object", "refund");
        r.addProperty("amount", p.containsKey("amount") ? Long.parseLong(p.get("amount")) : pi.get("amount").getAsLong());
        r.addProperty("created", Instant.now().getEpochSecond());
        r.addProperty("currency", pi.get("currency").getAsString());
        JsonObject metadata = new JsonObject();
        if (p.containsKey("metadata[coffer_reference]")) {
            metadata.addProperty("coffer_reference", p.get("metadata[coffer_reference]"));
        }
        r.add("metadata", metadata);
        r.addProperty("payment_intent", pi.get("id").getAsString());
        r.addProperty("status", "succeeded");
        return json(r);
    }

    private static JsonObject intent(String id, long amount, String currency, String status, String customer, String method) {
        JsonObject pi = new JsonObject();
        pi.addProperty("id", id);
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", amount);
        pi.addProperty("amount_received", "succeeded".equals(status) ? amount : 0);
        pi.addProperty("capture_method", "automatic");
        pi.addProperty("created", Instant.now().getEpochSecond());
        pi.addProperty("currency", currency);
        pi.addProperty("customer", customer);
        pi.addProperty("livemode", false);
        pi.add("metadata", new JsonObject());
        pi.addProperty("payment_method", method);
        pi.addProperty("status", status);
        return pi;
    }

    /** A PaymentIntent with {@code payment_method} expanded into the card it is. */
    private static JsonObject expanded(JsonObject pi) {
        JsonObject copy = pi.deepCopy();
        JsonObject method = new JsonObject();
        method.addProperty("id", pi.get("payment_method").getAsString());
        method.addProperty("object", "payment_method");
        method.addProperty("type", "card");
        method.add("customer", pi.get("customer"));
        JsonObject card = new JsonObject();
        card.addProperty("brand", "visa");
        card.addProperty("country", "US");
        card.addProperty("exp_month", 12);
        card.addProperty("exp_year", 2034);
        card.addProperty("funding", "credit");
        card.addProperty("last4", "4242");
        method.add("card", card);
        copy.add("payment_method", method);
        return copy;
    }

    private static MockResponse json(JsonObject body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setHeader("Request-Id", "req_fake").setBody(body.toString());
    }

    private static MockResponse missing(String kind, String id) {
        return error(404, "invalid_request_error", "resource_missing", "No such " + kind + ": '" + id + "'");
    }

    private static MockResponse error(int status, String type, String code, String message) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("Request-Id", "req_fake").setBody(errorBody(type, code, message).toString());
    }

    private static JsonObject errorBody(String type, String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
