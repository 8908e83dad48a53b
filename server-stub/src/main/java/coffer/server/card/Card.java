package coffer.server.card;

import java.time.Instant;

/** A saved card: the provider's reusable authorization and what the user may see, never the number. */
public record Card(String id, String envId, String userId, String authorizationCode, String brand, String last4,
                   int expMonth, int expYear, Instant createdAt) {
}
