package coffer.server.tenant;

import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Fingerprint;

import java.util.Locale;
import java.util.Objects;

/**
 * A user to create (or find, when one with the same external id, or email when there is none, exists).
 * Built by name: {@code NewUser.byExternalId(env, "partner-7", "Ann").kyc(VERIFIED, TIER_1)}.
 *
 * @param externalId   the partner's own id for the user, or null
 * @param email        the user's email (unique in the environment), or null; one of the two is needed
 * @param passwordHash for a user who signs in with a password, else null
 * @param kycTier      null: the status's default tier
 */
public record NewUser(EnvId env, String externalId, String email, String name, String passwordHash, KycStatus kycStatus,
                      KycTier kycTier) {
    public NewUser {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(kycStatus, "kycStatus");
        // emails are compared without case
        email = email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** The user's fields, in the order stored keys were made with. */
    public Fingerprint fingerprint() {
        return Fingerprint.of("user").text(env.value()).text(externalId).text(email).text(name).name(kycStatus)
                .name(tier());
    }

    /** The KYC tier the user gets: the given one, or the status's default. */
    public KycTier tier() {
        return kycTier == null ? KycTier.defaultFor(kycStatus) : kycTier;
    }

    /** A partner's user, known by the partner's id; unverified until told otherwise. */
    public static NewUser byExternalId(EnvId env, String externalId, String name) {
        return new NewUser(env, Objects.requireNonNull(externalId, "externalId"), null, name, null, KycStatus.UNVERIFIED, null);
    }

    /** A user known by email; unverified until told otherwise. */
    public static NewUser byEmail(EnvId env, String email, String name) {
        return new NewUser(env, null, Objects.requireNonNull(email, "email"), name, null, KycStatus.UNVERIFIED, null);
    }

    public NewUser email(String value) {
        return new NewUser(env, externalId, value, name, passwordHash, kycStatus, kycTier);
    }

    public NewUser passwordHash(String value) {
        return new NewUser(env, externalId, email, name, value, kycStatus, kycTier);
    }

    public NewUser kyc(KycStatus status, KycTier tier) {
        return new NewUser(env, externalId, email, name, passwordHash, status, tier);
    }
}
