package coffer.app.api;

import coffer.core.api.OrderTypes;
import java.util.List;

/**
 * The environment's products and the user's orders.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface OrdersApi {
    /** The products on sale in the user's environment, by name. */
    List<OrderTypes.ProductView> products();
    /** Buys a product from a wallet at the catalogue's price; the same key for a retry. */
    OrderTypes.OrderView order(String idempotencyKey, OrderTypes.OrderRequest request);
    /** The user's latest orders, newest first. */
    List<OrderTypes.OrderView> orders();
}
