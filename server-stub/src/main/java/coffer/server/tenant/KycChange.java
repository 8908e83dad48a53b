package coffer.server.tenant;

import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.UserId;

import java.util.Objects;

/**
 * Move a user's KYC status (and tier: null for the status's default), audited as {@code actor} with
 * {@code reason}; the user's wallets get the new limits at once.
 */
public record KycChange(EnvId env, UserId user, KycStatus status, KycTier tier, String actor, String reason) {
    public KycChange {
        // the ids are read when the task is built, so a missing one fails there
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actor, "actor");
        tier = tier == null ? KycTier.defaultFor(status) : tier;
    }

    /** The change's fields, in the order stored keys were made with. */
    public Fingerprint fingerprint() {
        return Fingerprint.of("kyc").text(env.value()).text(user.value()).name(status).name(tier).text(actor).text(reason);
    }
}
