package coffer.server.tenant;

import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;

/**
 * A wallet holder in one environment.
 *
 * @param externalId the partner's own id for the user (seed 000's {@code user_id}), or null
 * @param email      the user's email (unique in the environment), or null
 */
public record User(String id, String envId, String externalId, String email, String name,
                   KycStatus kycStatus, KycTier kycTier) {
}
