package coffer.core.api;

import java.util.List;

/** Bodies of {@code /api/v1/topups} and {@code /api/v1/cards}. */
public final class TopupTypes {
    private TopupTypes() {
    }

    /**
     * {@code POST /api/v1/topups}; {@code amount} is exact decimal text.
     *
     * @param returnUrl where the checkout page sends the user afterwards; null for Coffer's own "done" page
     * @param saveCard  whether the checkout page offers to save the card for later charges; null is false
     */
    public record TopupRequest(String walletId, String amount, String currency, String returnUrl, Boolean saveCard) {
    }

    /** The top-up and the provider page where the user pays it (the fields every top-up answer starts with). */
    public record TopupResponse(String topupId, String checkoutUrl, String status) {
    }

    /**
     * A top-up: the answer to POST (201), GET, and a saved card's charge.
     *
     * @param status         {@code pending} (waiting for the payment), {@code completed} (the wallet was credited) or {@code failed}
     * @param checkoutUrl    the provider's page to pay at; null for a saved card's charge
     * @param cardId         the saved card charged, for a charge without a page; else null
     * @param transactionId  the wallet's credit, once completed
     * @param refunded       how much has been refunded so far, a decimal string
     * @param failureReason  why it failed (expired, canceled, an error code), or the last declined card's reason while pending
     */
    public record TopupView(String topupId, String status, String checkoutUrl, String walletId, String amount,
                            String currency, String cardId, String transactionId, String refunded, String failureReason,
                            String createdAt, String completedAt) {
    }

    /**
     * {@code GET /api/v1/topups}: the caller's top-ups, newest first.
     *
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     */
    public record TopupList(List<TopupView> topups, String nextCursor) {
        public TopupList {
            topups = List.copyOf(topups);
        }
    }

    /** {@code POST /api/v1/topups/{id}/refunds}: {@code amount} (decimal text, the top-up's currency) or null for all that is left. */
    public record TopupRefundRequest(String amount) {
    }

    /**
     * A refund of a top-up back to the card.
     *
     * @param refundId         the ledger movement that took the money back from the wallet
     * @param providerRefundId the provider's refund to the card
     */
    public record TopupRefundView(String refundId, String topupId, String status, String amount, String currency,
                                  String providerRefundId, String createdAt) {
    }

    /** A card saved at a checkout: never its number. */
    public record CardView(String cardId, String brand, String last4, int expMonth, int expYear, String createdAt) {
    }

    /** {@code GET /api/v1/cards}. */
    public record CardList(List<CardView> cards) {
        public CardList {
            cards = List.copyOf(cards);
        }
    }

    /** {@code POST /api/v1/cards/{id}/charges}: credits {@code wallet_id} from the saved card, without a page. */
    public record CardChargeRequest(String walletId, String amount, String currency) {
    }
}
