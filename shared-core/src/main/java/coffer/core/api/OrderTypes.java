package coffer.core.api;

import java.util.List;

/**
 * Bodies of {@code /api/v1/products} and {@code /api/v1/orders}: the caller's environment's catalogue and
 * "pay an order". An order is the ledger's payment movement to the environment's merchant account, so
 * its id is that movement's (and the partner API's {@code order_id}).
 */
public final class OrderTypes {
    private OrderTypes() {
    }

    /**
     * A product on sale.
     *
     * @param price exact decimal text in {@code currency} ({@code "12.50"}); the server charges this, whatever a
     *              client shows
     * @param description a line about it, or null
     */
    public record ProductView(String productId, String name, String description, String price, String currency) {
    }

    /** {@code GET /api/v1/products}: the environment's active products, by name; a missing list reads as empty. */
    public record ProductList(List<ProductView> products) {
        public ProductList {
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    /**
     * {@code POST /api/v1/orders}: buys one {@code productId} from the caller's {@code walletId}, at the
     * catalogue's price; the wallet's currency must be the product's.
     */
    public record OrderRequest(String walletId, String productId) {
    }

    /**
     * An order: the answer to POST (201) and a row of {@code GET /api/v1/orders}.
     *
     * @param orderId     the payment movement's id (a transaction id in the history)
     * @param productName the catalogue's name of the product (its id if it has left the catalogue)
     * @param amount      exact decimal text: what was charged
     * @param status      {@code paid}, {@code partially_refunded} or {@code refunded}
     * @param createdAt   ISO-8601 instant
     */
    public record OrderView(String orderId, String productId, String productName, String walletId, String amount,
                            String currency, String status, String createdAt) {
    }

    /**
     * {@code GET /api/v1/orders}: the caller's orders, newest first.
     *
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     */
    public record OrderList(List<OrderView> orders, String nextCursor) {
        public OrderList {
            orders = orders == null ? List.of() : List.copyOf(orders);
        }
    }
}
