package coffer.core.api;

import java.util.List;

/** Bodies of {@code /api/v1/transactions/...}: the caller's movements of money. */
public final class TransactionTypes {
    private TransactionTypes() {
    }

    /**
     * One movement as the caller sees it, from the side of one of their wallets.
     *
     * @param kind                 wire name of the kind ({@code "p2p"}, {@code "topup"}, ...)
     * @param status               wire name of the status ({@code "pending"}, ..., {@code "completed"})
     * @param amount               exact decimal text, never negative; {@code direction} gives the sign
     * @param direction            {@code "out"} when money left {@code walletId}, {@code "in"} when it arrived;
     *                             a transfer between two of the caller's wallets is {@code "out"} of the sender
     * @param counterparty         the other side: its owner's email, or its wallet id (one of the caller's own
     *                             wallets, or a user known only to a partner); null for the provider, merchant
     *                             and other system accounts
     * @param counterpartyWalletId the other side's wallet id, null for system accounts
     * @param createdAt            ISO-8601 instant
     * @param completedAt          ISO-8601 instant, null until completed
     * @param walletId             the caller's wallet this movement is seen from
     * @param failureReason        why a failed movement failed, else null
     * @param initiatedBy          the member who moved money out of an organization's wallet, else null
     */
    public record TransactionView(String id, String kind, String status, String amount, String currency,
                                  String direction, String counterparty, String counterpartyWalletId,
                                  String description, String reference, String createdAt, String completedAt,
                                  String walletId, String failureReason, String initiatedBy) {
        /** A movement nobody initiated on someone else's behalf. */
        public TransactionView(String id, String kind, String status, String amount, String currency, String direction,
                               String counterparty, String counterpartyWalletId, String description, String reference,
                               String createdAt, String completedAt, String walletId, String failureReason) {
            this(id, kind, status, amount, currency, direction, counterparty, counterpartyWalletId, description, reference,
                    createdAt, completedAt, walletId, failureReason, null);
        }
    }

    /**
     * {@code GET /api/v1/transactions}: one page, newest first.
     *
     * @param nextCursor pass alone as {@code ?cursor=} for the next page with the same filters; null on the last
     */
    public record TransactionList(List<TransactionView> transactions, String nextCursor, boolean hasMore) {
        public TransactionList {
            transactions = List.copyOf(transactions);
        }
    }

    /** {@code GET /api/v1/transactions/{id}}. */
    public record TransactionResponse(TransactionView transaction) {
    }
}
