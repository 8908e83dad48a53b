package coffer.server.gateway;

import com.google.gson.JsonObject;

import java.time.Instant;

/**
 * One signed event from the provider, as received on {@code POST /webhooks/provider} after its
 * signature was checked and its id seen for the first time.
 *
 * <p>Types: {@code checkout.paid} (data: session_id, reference, amount, currency, charge_id, card?),
 * {@code checkout.failed} (session_id, reference, reason), {@code checkout.expired} (session_id, reference),
 * {@code charge.succeeded} / {@code charge.failed} (charge_id, reference, amount, currency, reason?),
 * {@code payout.succeeded} / {@code payout.failed} (payout_id, reference, amount, currency, reason?,
 * bank_code, account_number_last4, holder_name), {@code refund.succeeded} / {@code refund.failed}
 * (refund_id, charge_id, reference, amount, currency, reason?). Amounts are decimal strings.
 *
 * @param id   the provider's unique event id (delivery is at least once; Coffer de-duplicates on it)
 * @param data the event's fields, snake_case
 */
public record ProviderEvent(String id, String type, Instant created, JsonObject data) {

    public String string(String field) {
        return data.has(field) && !data.get(field).isJsonNull() ? data.get(field).getAsString() : null;
    }
}
