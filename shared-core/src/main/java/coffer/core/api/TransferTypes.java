package coffer.core.api;

/** Bodies of {@code /api/v1/transfers}: moving money between the caller's own wallets. */
public final class TransferTypes {
    private TransferTypes() {
    }

    /**
     * {@code POST /api/v1/transfers}.
     *
     * @param amount exact decimal text (a JSON number or string on the wire)
     */
    public record TransferRequest(String fromWalletId, String toWalletId, String amount, String currency,
                                  String description) {
    }

    /**
     * A transfer as the user API shows it (201 to the POST).
     *
     * @param transferId  the id of the ledger movement
     * @param status      {@code completed}: a transfer between one's own wallets settles at once
     * @param amount      decimal text in the currency's minor-unit precision
     * @param createdAt   ISO-8601 instant
     * @param completedAt ISO-8601 instant
     */
    public record TransferView(String transferId, String status, String amount, String currency, String fromWalletId,
                               String toWalletId, String description, String createdAt, String completedAt) {
    }
}
