package coffer.server.gateway;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.server.json.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link PaymentProvider} over the bundled simulator's {@code /provider/v1} API, reached over HTTP
 * with the provider API key exactly as a real provider would be. Every call carries Coffer's own id
 * for the operation as {@code reference}, so a retried call finds what the first one did.
 */
public final class SimulatorProvider implements PaymentProvider {
    private static final Logger log = LoggerFactory.getLogger(SimulatorProvider.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final Supplier<HttpClient> client;

    /**
     * @param baseUrl where the simulator listens (the server's own base URL, known once it has started)
     * @param client  reaches that URL (over TLS it trusts the server's own certificate)
     */
    public SimulatorProvider(Supplier<String> baseUrl, Supplier<HttpClient> client, String apiKey) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.apiKey = apiKey;
    }

    @Override
    public Result<CheckoutSession> createCheckout(CheckoutRequest r) {
        JsonObject body = money(r.reference(), r.amount());
        body.addProperty("customer_email", r.customerEmail());
        body.addProperty("return_url", r.returnUrl().toString());
        body.addProperty("allow_save_card", r.allowSaveCard());
        if (r.expiresIn() != null) {
            body.addProperty("expires_in_seconds", Math.max(1, r.expiresIn().toSeconds()));
        }
        return call("POST", "/checkout/sessions", body).map(SimulatorProvider::session);
    }

    @Override
    public Result<CheckoutSession> checkout(String sessionId) {
        return call("GET", "/checkout/sessions/" + encode(sessionId), null).map(SimulatorProvider::session);
    }

    @Override
    public Result<Charge> chargeSavedCard(String authorizationCode, Money amount, String reference) {
        JsonObject body = money(reference, amount);
        body.addProperty("authorization_code", authorizationCode);
        return call("POST", "/charges", body).map(o -> new Charge(o.get("id").getAsString(), o.get("reference").getAsString(),
                ChargeStatus.valueOf(upper(o, "status")), money(o), text(o, "failure_reason")));
    }

    @Override
    public Result<Optional<String>> resolveAccountName(String bankCode, String accountNumber) {
        Response r = send("GET", "/bank-accounts/resolve?bank_code=" + encode(bankCode) + "&account_number="
                + encode(accountNumber), null);
        if (r.status() == 404) {
            return Result.ok(Optional.empty());
        }
        return r.result().map(o -> Optional.of(o.get("account_name").getAsString()));
    }

    @Override
    public Result<Payout> createPayout(PayoutRequest r) {
        JsonObject body = money(r.reference(), r.amount());
        body.addProperty("bank_code", r.bankCode());
        body.addProperty("account_number", r.accountNumber());
        body.addProperty("holder_name", r.holderName());
        return call("POST", "/payouts", body).map(o -> new Payout(o.get("id").getAsString(), o.get("reference").getAsString(),
                PayoutStatus.valueOf(upper(o, "status")), money(o), text(o, "failure_reason")));
    }

    @Override
    public Result<PayoutLink> createPayoutLink(PayoutLinkRequest r) {
        JsonObject body = money(r.reference(), r.amount());
        if (r.returnUrl() != null) {
            body.addProperty("return_url", r.returnUrl().toString());
        }
        if (r.expiresIn() != null) {
            body.addProperty("expires_in_seconds", Math.max(1, r.expiresIn().toSeconds()));
        }
        return call("POST", "/payout-links", body).map(o -> new PayoutLink(o.get("id").getAsString(),
                o.get("reference").getAsString(), URI.create(o.get("url").getAsString()),
                Instant.parse(o.get("expires_at").getAsString())));
    }

    @Override
    public Result<Refund> refund(String chargeId, Money amount, String reference) {
        JsonObject body = money(reference, amount);
        body.addProperty("charge_id", chargeId);
        return call("POST", "/refunds", body).map(o -> new Refund(o.get("id").getAsString(), o.get("reference").getAsString(),
                RefundStatus.valueOf(upper(o, "status")), money(o), text(o, "failure_reason")));
    }

    // ---- HTTP ----

    private record Response(int status, JsonObject body, Result<JsonObject> result) {
    }

    private Result<JsonObject> call(String method, String path, JsonObject body) {
        return send(method, path, body).result();
    }

    private Response send(String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/provider/v1" + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.gson().toJson(body)));
        }
        try {
            HttpResponse<String> r = client.get().send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject answer = object(r.body());
            if (r.statusCode() >= 200 && r.statusCode() < 300 && answer != null) {
                return new Response(r.statusCode(), answer, Result.ok(answer));
            }
            String message = answer != null && answer.has("error") && answer.getAsJsonObject("error").has("message")
                    ? answer.getAsJsonObject("error").get("message").getAsString() : "HTTP " + r.statusCode();
            return new Response(r.statusCode(), answer, Result.rejected(ErrorCode.PROVIDER_ERROR,
                    "The payment provider refused: " + message, Map.of("provider_status", Integer.toString(r.statusCode()))));
        } catch (IOException e) {
            log.warn("The payment provider could not be reached: {} {}", method, path.replaceAll("\\?.*", ""), e);
            return new Response(0, null, Result.rejected(ErrorCode.PROVIDER_ERROR, "The payment provider could not be reached."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, Result.rejected(ErrorCode.PROVIDER_ERROR, "Interrupted while calling the provider."));
        }
    }

    private static JsonObject object(String text) {
        try {
            JsonElement e = com.google.gson.JsonParser.parseString(text);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static CheckoutSession session(JsonObject o) {
        SavedCard card = null;
        if (o.has("card") && o.get("card").isJsonObject()) {
            JsonObject c = o.getAsJsonObject("card");
            card = new SavedCard(c.get("authorization_code").getAsString(), c.get("brand").getAsString(),
                    c.get("last4").getAsString(), c.get("exp_month").getAsInt(), c.get("exp_year").getAsInt());
        }
        return new CheckoutSession(o.get("id").getAsString(), o.get("reference").getAsString(),
                URI.create(o.get("url").getAsString()), CheckoutStatus.valueOf(upper(o, "status")), money(o),
                Instant.parse(o.get("expires_at").getAsString()), text(o, "charge_id"), card, text(o, "failure_reason"));
    }

    private static JsonObject money(String reference, Money amount) {
        JsonObject body = new JsonObject();
        body.addProperty("reference", reference);
        body.addProperty("amount", amount.toDecimalString());
        body.addProperty("currency", amount.currencyCode());
        return body;
    }

    private static Money money(JsonObject o) {
        return Money.parse(o.get("amount").getAsString(), o.get("currency").getAsString());
    }

    private static String upper(JsonObject o, String field) {
        return o.get(field).getAsString().toUpperCase(java.util.Locale.ROOT);
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

}
