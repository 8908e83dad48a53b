package coffer.server.payment;

import coffer.server.http.RateLimited;
import coffer.core.api.ErrorBody;
import coffer.core.api.PaymentTypes;
import coffer.core.api.PaymentTypes.PaymentBatchResponse;
import coffer.core.api.PaymentTypes.PaymentBatchResult;
import coffer.core.api.PaymentTypes.PaymentList;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.json.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.reflect.TypeToken;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/payments}: P2P payments to an email or a wallet id (seed 003). A payment is accepted
 * (201, {@code pending}) once every check has passed and the money is reserved; it then completes or
 * fails in the background. Another user's payment is NOT_FOUND, never data.
 */
public final class PaymentRoutes implements HttpApi.Routes {
    static final int MAX_BATCH = 100;
    /** The status of a payment awaiting an owner's or admin's approval, its money held. */
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_METADATA_CHARS = 4_096;
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final Type METADATA = new TypeToken<Map<String, Object>>() { }.getType();

    private final PaymentService payments;
    private final CursorSeal cursors;

    public PaymentRoutes(PaymentLedger ledger, PaymentProcessor processor, CursorSeal cursors) {
        this.payments = new PaymentService(ledger, processor);
        this.cursors = cursors;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/payments", this::create, RateLimited.MONEY);
        routes.post("/api/v1/payments/batch", this::batch, RateLimited.MONEY);
        routes.get("/api/v1/payments", this::list);
        routes.get("/api/v1/payments/{id}", this::get);
        routes.post("/api/v1/payments/{id}/approve", ctx -> decide(ctx, true), RateLimited.MONEY);
        routes.post("/api/v1/payments/{id}/reject", ctx -> decide(ctx, false), RateLimited.MONEY);
    }

    /** The body of a batch, read strictly; each payment in it is read on its own. */
    record BatchBody(JsonArray payments) {
    }

    private void create(Context ctx) {
        Principal p = Requests.principal(ctx);
        PaymentDraft draft = draft(Requests.body(ctx, PaymentRequest.class));
        Requests.answer(ctx, 201, payments.pay(p, draft, Requests.idempotencyKey(ctx, p)), PaymentRoutes::view);
    }

    private void batch(Context ctx) {
        Principal p = Requests.principal(ctx);
        JsonArray items = Requests.required(Requests.body(ctx, BatchBody.class).payments(), "payments");
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "'payments' must hold 1 to " + MAX_BATCH + " payments, not " + items.size() + ".", Map.of("field", "payments"));
        }
        List<Result<PaymentDraft>> requests = new ArrayList<>(items.size());
        for (JsonElement item : items) {
            requests.add(read(item));
        }
        Requests.answer(ctx, 200, payments.payAll(p, requests, Json.gson().toJson(items), Requests.idempotencyKey(ctx, p)),
                PaymentRoutes::batchView);
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        QueryParams.requireKnown(params, List.of("cursor", "limit"));
        CursorOwner owner = CursorOwner.of(p);
        PaymentPage page = payments.list(p, cursors.open(owner, CursorKind.PAYMENTS, QueryParams.cursor(params)),
                QueryParams.limit(params, DEFAULT_PAGE, MAX_PAGE));
        ctx.json(new PaymentList(page.payments().stream().map(PaymentRoutes::view).toList(),
                cursors.seal(owner, CursorKind.PAYMENTS, page.next())));
    }

    private void get(Context ctx) {
        ctx.json(view(payments.get(Requests.principal(ctx), ctx.pathParam("id"))));
    }

    private void decide(Context ctx, boolean approve) {
        Principal p = Requests.principal(ctx);
        Requests.answer(ctx, 200, payments.decide(p, ctx.pathParam("id"), approve, Requests.idempotencyKey(ctx, p)),
                PaymentRoutes::view);
    }

    /** One payment of a batch, or the reason it cannot be read; the others go on without it. */
    private static Result<PaymentDraft> read(JsonElement item) {
        try {
            return Result.ok(draft(Requests.read(item, PaymentRequest.class)));
        } catch (CofferException e) {
            return e.toResult();
        }
    }

    /** The request's shape checked, field by field in the order they are refused. */
    private static PaymentDraft draft(PaymentRequest r) {
        Money amount = Requests.positiveAmount(r.amount(), r.currency());
        String source = Requests.required(r.sourceWalletId(), "source_wallet_id");
        String destination = Requests.required(r.destination(), "destination").strip();
        String metadata = r.metadata() == null ? null : Json.gson().toJson(r.metadata());
        if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "'metadata' is larger than " + MAX_METADATA_CHARS + " characters of JSON.", Map.of("field", "metadata"));
        }
        return new PaymentDraft(amount, source, destination, description(r.description()), metadata);
    }

    /** A request's optional description, or INVALID_REQUEST when it is too long. */
    static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "'description' is longer than " + MAX_DESCRIPTION + " characters.", Map.of("field", "description"));
        }
        return description;
    }

    static PaymentView view(Payment p) {
        Map<String, Object> metadata = p.metadata() == null ? null : Json.gson().fromJson(p.metadata(), METADATA);
        return new PaymentView(p.id(), p.awaitingApproval() ? PaymentTypes.PENDING_APPROVAL : p.status().wire(), p.amount().toDecimalString(),
                p.amount().currencyCode(), p.sourceWalletId(), p.destination(), p.description(), metadata, p.transactionId(),
                p.createdAt().toString(), p.completedAt() == null ? null : p.completedAt().toString(), p.failureReason(),
                p.initiatedBy(), p.approval() == Payment.Approval.APPROVED ? p.decidedBy() : null);
    }

    private static PaymentBatchResponse batchView(PaymentBatch batch) {
        List<PaymentBatchResult> results = new ArrayList<>(batch.items().size());
        int succeeded = 0;
        for (PaymentBatch.Item item : batch.items()) {
            int index = results.size();
            if (item.payment() != null) {
                results.add(new PaymentBatchResult(index, 201, view(item.payment()), null));
                succeeded++;
            } else {
                ErrorCode code = ErrorCode.valueOf(item.code());
                results.add(new PaymentBatchResult(index, code.httpStatus(), null, ErrorBody.of(code, item.message()).error()));
            }
        }
        return new PaymentBatchResponse(results, succeeded, results.size() - succeeded);
    }
}
