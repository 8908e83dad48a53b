package coffer.app.api;

import coffer.core.api.KycTypes.KycStatusResponse;
import coffer.core.api.KycTypes.KycSubmissionRequest;
import coffer.core.api.KycTypes.KycSubmissionResponse;

/**
 * The user's identity verification (KYC) and the limits it sets.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface IdentityApi {
    KycStatusResponse kyc();
    /** Submits the user's identity for verification; the answer says it is pending. */
    KycSubmissionResponse submitKyc(KycSubmissionRequest request);
}
