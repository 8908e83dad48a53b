package coffer.server.webhook;

import coffer.core.error.CofferException;
import coffer.server.http.PartnerSignatures;
import coffer.server.json.Json;
import coffer.server.json.RequestBodies;
import com.google.gson.JsonElement;
import io.javalin.http.Context;

/**
 * Reading a partner's signed JSON request under {@code /api/v1/partner/}: the signature is checked
 * first, with the environment the body names, so an unsigned or forged request learns nothing about
 * what else is wrong with it; then the body is read as strictly as every other body.
 */
public final class SignedRequests {
    private SignedRequests() {
    }

    /** The body as {@code type}, once {@code X-Wallet-Signature} proved that its {@code env_id} sent it. */
    public static <T extends Record> T body(Context ctx, PartnerSignatures signatures, Class<T> type) {
        signatures.require(ctx, envIdOf(ctx.body()));
        return RequestBodies.read(ctx.body(), type);
    }

    /**
     * As {@link #body}, for a route whose {@code Idempotency-Key} replays a stored answer
     * ({@link PartnerSignatures#requireRetryable}).
     */
    public static <T extends Record> T retryableBody(Context ctx, PartnerSignatures signatures, Class<T> type) {
        signatures.requireRetryable(ctx, envIdOf(ctx.body()));
        return RequestBodies.read(ctx.body(), type);
    }

    /**
     * The body's {@code env_id} when it is a JSON object (read as strictly as the body itself) with a
     * string there, else null: a body that is not strict JSON names no environment, so its signature is refused.
     */
    private static String envIdOf(String body) {
        try {
            JsonElement tree = Json.readRequest(body);
            if (tree.isJsonObject() && tree.getAsJsonObject().get("env_id") instanceof com.google.gson.JsonPrimitive p
                    && p.isString()) {
                return p.getAsString();
            }
        } catch (CofferException e) {
            // not JSON: no environment, so the signature check refuses it
        }
        return null;
    }
}
