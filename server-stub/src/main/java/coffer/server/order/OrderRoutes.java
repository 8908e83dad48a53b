package coffer.server.order;

import coffer.server.http.RateLimited;
import coffer.core.api.OrderTypes.OrderList;
import coffer.core.api.OrderTypes.OrderRequest;
import coffer.core.api.OrderTypes.OrderView;
import coffer.core.api.OrderTypes.ProductList;
import coffer.core.api.OrderTypes.ProductView;
import coffer.server.auth.Principal;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.ledger.Movement;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code /api/v1/products} and {@code /api/v1/orders}: the caller's environment's catalogue, buying one of
 * its products from a wallet (201 with the order; the price is the catalogue's), and the caller's orders.
 */
public record OrderRoutes(OrderService orders, CursorSeal cursors) implements HttpApi.Routes {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/products", this::products);
        routes.post("/api/v1/orders", this::buy, RateLimited.MONEY);
        routes.get("/api/v1/orders", this::list);
    }

    private void products(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(new ProductList(orders.products(p).stream().map(OrderRoutes::view).toList()));
    }

    private void buy(Context ctx) {
        Principal p = Requests.principal(ctx);
        OrderRequest r = Requests.body(ctx, OrderRequest.class);
        String walletId = Requests.required(r.walletId(), "wallet_id");
        String productId = Requests.required(r.productId(), "product_id");
        UnaryOperator<String> names = orders.names(p);
        Requests.answer(ctx, 201, orders.buy(p, walletId, productId, Requests.idempotencyKey(ctx, p)), m -> view(m, names));
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        QueryParams.requireKnown(params, List.of("limit", "cursor"));
        CursorOwner owner = CursorOwner.of(p);
        OrderService.Page page = orders.orders(p, cursors.open(owner, CursorKind.ORDERS, QueryParams.cursor(params)),
                QueryParams.limit(params, DEFAULT_PAGE, MAX_PAGE));
        UnaryOperator<String> names = orders.names(p);
        String next = cursors.seal(owner, CursorKind.ORDERS, page.next());
        ctx.json(new OrderList(page.orders().stream().map(m -> view(m, names)).toList(), next));
    }

    private static ProductView view(Product p) {
        return new ProductView(p.productId(), p.name(), p.description(), p.price().toDecimalString(), p.price().currencyCode());
    }

    private static OrderView view(Movement m, UnaryOperator<String> names) {
        return new OrderView(m.id(), m.reference(), names.apply(m.reference()), m.debitAccount(), m.amount().toDecimalString(),
                m.amount().currencyCode(), OrderService.status(m), m.createdAt().toString());
    }
}
