package coffer.server.tenant;

import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.server.ledger.EnvId;
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
    }
}
