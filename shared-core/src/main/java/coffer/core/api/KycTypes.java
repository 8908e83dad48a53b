package coffer.core.api;

/** Bodies of {@code /api/v1/kyc}. */
public final class KycTypes {
    private KycTypes() {
    }

    /** A tier's limits as decimal strings in the response's currency. */
    public record Limits(String perTransaction, String daily, String maxBalance) {
    }

    /**
     * {@code GET /api/v1/kyc}.
     *
     * @param status         {@code unverified}, {@code pending}, {@code verified} or {@code rejected}
     * @param tier           0, 1 or 2
     * @param currency       the ISO 4217 code the limits and {@code remainingToday} are in: the one asked
     *                       for with {@code ?currency=}, else the caller's first wallet's, else USD
     * @param limits         the tier's limits in {@code currency}, for all of the caller's wallets together
     * @param remainingToday what the rolling 24-hour limit still allows all of the caller's wallets in
     *                       {@code currency} to send together, as a decimal string
     */
    public record KycStatusResponse(String status, int tier, String currency, Limits limits, String remainingToday) {
    }

    /**
     * {@code POST /api/v1/kyc/submissions}: the identity to verify.
     *
     * @param fullName       the name on the document
     * @param dateOfBirth    ISO-8601 date, such as {@code 1990-04-23}
     * @param country        ISO 3166-1 alpha-2 code of the issuing country, such as {@code DE}
     * @param documentType   {@code passport}, {@code id_card} or {@code driving_license}
     * @param documentNumber the document's number (letters, digits, spaces and hyphens)
     */
    public record KycSubmissionRequest(String fullName, String dateOfBirth, String country, String documentType,
                                       String documentNumber) {
        /** Leaves the document number out, so a stray log line cannot carry it. */
        @Override
        public String toString() {
            return "KycSubmissionRequest[documentType=" + documentType + ", country=" + country + "]";
        }
    }

    /**
     * Answer to a submission (202): verification has started and the status is {@code pending} until
     * the verifier decides.
     *
     * @param submissionId the submission's id
     * @param status       {@code pending}
     * @param submittedAt  ISO-8601 instant
     */
    public record KycSubmissionResponse(String submissionId, String status, String submittedAt) {
    }
}
