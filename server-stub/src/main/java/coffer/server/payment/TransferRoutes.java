package coffer.server.payment;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.server.http.RateLimited;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.api.TransferTypes.TransferView;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/v1/transfers}: money between the caller's own wallets, settled at once. A wallet that is
 * not the caller's, on either side, is WALLET_NOT_FOUND; paying someone else is a payment.
 */
public record TransferRoutes(LedgerService ledger) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/transfers", this::create, RateLimited.MONEY);
    }

    private void create(Context ctx) {
        Principal p = Requests.principal(ctx);
        TransferRequest r = Requests.body(ctx, TransferRequest.class);
        Money amount = Requests.positiveAmount(r.amount(), r.currency());
        String from = Requests.required(r.fromWalletId(), "from_wallet_id");
        String to = Requests.required(r.toWalletId(), "to_wallet_id");
        String description = PaymentRoutes.description(r.description());
        Requests.answer(ctx, 201, ledger.transfer(new MoveCommand(new EnvId(p.envId()), UserId.ofNullable(p.userId()),
                new WalletId(from), new WalletId(to), amount, Memo.description(description)),
                Requests.idempotencyKey(ctx, p)), TransferRoutes::view);
    }

    private static TransferView view(Movement m) {
        return new TransferView(m.id(), m.status().wire(), m.amount().toDecimalString(), m.amount().currencyCode(),
                m.debitAccount(), m.creditAccount(), m.description(), m.createdAt().toString(),
                m.completedAt() == null ? null : m.completedAt().toString());
    }
}
