package coffer.app.api;

import coffer.core.api.OrderTypes;
import java.util.List;

/**
 * The environment's products and the user's orders.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface OrdersApi {
    List<OrderTypes.ProductView> products();
    OrderTypes.OrderView order(String idempotencyKey, OrderTypes.OrderRequest request);
    List<OrderTypes.OrderView> orders();
}
