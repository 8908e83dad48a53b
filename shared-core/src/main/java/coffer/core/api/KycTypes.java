package coffer.core.api;

/** Bodies of {@code /api/v1/kyc}. */
public final class KycTypes {
    private KycTypes() {
    }

    /** A tier's limits as decimal strings in the wallet's currency. */
    public record Limits(String perTransaction, String daily, String maxBalance) {
    }

    /**
     * {@code GET /api/v1/kyc}.
     *
     * @param status         {@code unverified}, {@code pending}, {@code verified} or {@code rejected}
     * @param tier           0, 1 or 2
     * @param remainingToday what the rolling 24-hour limit still allows, as a decimal string
     */
    public record KycStatusResponse(String status, int tier, Limits limits, String remainingToday) {
    }
}
