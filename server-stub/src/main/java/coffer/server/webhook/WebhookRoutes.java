package coffer.server.webhook;

import coffer.server.http.Access;
import coffer.server.http.RateLimited;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.PartnerSignatures;
import coffer.server.http.QueryParams;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partner's side of webhooks, signed with {@code X-Wallet-Signature}: configure the URL, read the
 * delivery log, replay a delivery. Another environment's deliveries are NOT_FOUND, never data.
 */
public record WebhookRoutes(WebhookDispatcher dispatcher, PartnerSignatures signatures,
                            CursorSeal cursors) implements HttpApi.Routes {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final Set<String> LOG_PARAMS = Set.of("env_id", "status", "cursor", "limit");

    /** {@code PUT /api/v1/partner/webhook}: {@code url} null clears it. */
    record WebhookConfig(String envId, String url) {
    }

    /** {@code POST /api/v1/partner/webhook-deliveries/{id}/replay}. */
    record ReplayRequest(String envId) {
    }

    record DeliveryView(String id, String eventId, String eventType, String transactionId, String status, int attemptCount,
                        Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, JsonObject event,
                        List<Delivery.Attempt> attempts) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.transactionId(), d.status(), d.attemptCount(),
                    d.nextAttemptAt(), d.createdAt(), d.deliveredAt(), JsonParser.parseString(d.payload()).getAsJsonObject(),
                    d.attempts());
        }
    }

    record DeliveryList(List<DeliveryView> deliveries, String nextCursor) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/api/v1/partner/webhook", this::configure, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/api/v1/partner/webhook-deliveries", this::list, Access.SIGNED);
        routes.post("/api/v1/partner/webhook-deliveries/{id}/replay", this::replay, Access.SIGNED, RateLimited.PARTNER);
    }

    private void configure(Context ctx) {
        WebhookConfig config = SignedRequests.body(ctx, signatures, WebhookConfig.class);
        String url = config.url() == null ? null : dispatcher.targets().configured(config.url());
        dispatcher.store().setUrl(config.envId(), url);
        ctx.json(new WebhookConfig(config.envId(), url));
    }

    private void list(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        String envId = QueryParams.single(params, "env_id");
        signatures.require(ctx, envId);
        QueryParams.requireKnown(params, LOG_PARAMS);
        String status = QueryParams.single(params, "status");
        if (status != null && !WebhookStore.STATUSES.contains(status)) {
            throw QueryParams.invalid("status", "'status' must be pending, delivered or failed.");
        }
        CursorOwner owner = CursorOwner.partner(envId);
        WebhookStore.Page page = dispatcher.store().page(envId, status,
                cursors.open(owner, CursorKind.WEBHOOK_DELIVERIES, QueryParams.cursor(params)),
                QueryParams.limit(params, DEFAULT_PAGE, MAX_PAGE));
        ctx.json(new DeliveryList(page.deliveries().stream().map(DeliveryView::of).toList(),
                cursors.seal(owner, CursorKind.WEBHOOK_DELIVERIES, page.next())));
    }

    private void replay(Context ctx) {
        ReplayRequest request = SignedRequests.body(ctx, signatures, ReplayRequest.class);
        String id = ctx.pathParam("id");
        Delivery delivery = dispatcher.store().replay(request.envId(), id, dispatcher.clock().instant())
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Webhook delivery " + id + " was not found",
                        Map.of("delivery_id", id)));
        dispatcher.wake();
        ctx.status(202).json(DeliveryView.of(delivery));
    }
}
