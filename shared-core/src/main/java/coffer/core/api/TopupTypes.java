package coffer.core.api;

/** Bodies of {@code /api/v1/topups}. */
public final class TopupTypes {
    private TopupTypes() {
    }

    /** {@code POST /api/v1/topups}; {@code amount} is exact decimal text. */
    public record TopupRequest(String walletId, String amount, String currency) {
    }

    /** The top-up and the provider page where the user pays it. */
    public record TopupResponse(String topupId, String checkoutUrl, String status) {
    }
}
