package coffer.server.kyc;

import coffer.core.kyc.KycStatus;

import java.time.LocalDate;
import java.time.Period;

/**
 * Stands in for an identity-verification provider, deciding from the submitted data the way a
 * provider's test mode does (the README lists these test values):
 * <ul>
 *   <li>a document number ending in {@code 0000} is rejected (the document could not be verified);</li>
 *   <li>an applicant younger than 18 is rejected;</li>
 *   <li>anything else is verified (tier 1).</li>
 * </ul>
 */
final class KycSimulator {
    static final String REJECTED_DOCUMENT_SUFFIX = "0000";
    static final int MINIMUM_AGE = 18;

    /** A decision: {@link KycStatus#VERIFIED} or {@link KycStatus#REJECTED}, and why. */
    record Verdict(KycStatus status, String reason) {
    }

    private KycSimulator() {
    }

    static Verdict decide(KycApplication application, LocalDate today) {
        if (application.documentLast4().equals(REJECTED_DOCUMENT_SUFFIX)) {
            return new Verdict(KycStatus.REJECTED, "The document could not be verified.");
        }
        if (Period.between(application.dateOfBirth(), today).getYears() < MINIMUM_AGE) {
            return new Verdict(KycStatus.REJECTED, "The applicant must be at least " + MINIMUM_AGE + " years old.");
        }
        return new Verdict(KycStatus.VERIFIED, "Identity verified.");
    }
}
