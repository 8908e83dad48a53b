package coffer.server.walletops;

import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.server.http.Access;
import coffer.server.http.RateLimited;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.http.ErrorHandling;
import coffer.server.http.HttpApi;
import coffer.server.http.JsonFields;
import coffer.server.http.PartnerSignatures;
import coffer.server.http.Requests;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The wallet operations API of seed 004: {@code /v1/payIns} (money in from outside), {@code /v1/payOuts}
 * (money out), {@code /v1/transfers} (wallet to wallet), each POST and GET by id, amounts as integers in
 * the currency's minor unit, camelCase fields, GET answering {@code {"data": [...]}}, errors in the
 * seed's problem shape ({@link ProblemErrors}).
 *
 * <p>Requests are signed like the partner API ({@code X-Wallet-Signature}); since the seed's bodies
 * name no environment, the environment is given in the {@code X-Env-Id} header. Every operation is a
 * ledger movement in that environment, so its id is the movement's id and a wallet of any surface can
 * be used here.
 */
public record WalletOpsRoutes(LedgerService ledger, PartnerSignatures signatures) implements HttpApi.Routes {
    static final String ENV_HEADER = "X-Env-Id";
    private static final int MAX_STATEMENT = 500;

    public WalletOpsRoutes {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(signatures, "signatures");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/v1/*", ctx -> ErrorHandling.useStyle(ctx, ProblemErrors.INSTANCE));
        routes.post("/v1/payIns", this::payIn, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/v1/payIns/{id}", ctx -> get(ctx, "Pay In", Set.of(TransactionKind.TOPUP)), Access.SIGNED);
        routes.post("/v1/payOuts", this::payOut, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/v1/payOuts/{id}", ctx -> get(ctx, "Pay Out", Set.of(TransactionKind.WITHDRAWAL)), Access.SIGNED);
        routes.post("/v1/transfers", this::transfer, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/v1/transfers/{id}", ctx -> get(ctx, "Transfer", Set.of(TransactionKind.TRANSFER, TransactionKind.P2P)),
                Access.SIGNED);
    }

    private void payIn(Context ctx) {
        oneWallet(ctx, "walletIdTo", (envId, wallet, amount, statement, key) ->
                ledger.deposit(SystemMoveCommand.of(new EnvId(envId), new WalletId(wallet), amount,
                        Memo.description(statement)), key));
    }

    private void payOut(Context ctx) {
        oneWallet(ctx, "walletIdFrom", (envId, wallet, amount, statement, key) ->
                ledger.withdraw(new SystemMoveCommand(new EnvId(envId), null, new WalletId(wallet), amount,
                        Memo.description(statement)), key));
    }

    /** A movement between one wallet and the outside. */
    @FunctionalInterface
    private interface OneWalletMove {
        Outcome<Movement> apply(String envId, String wallet, Money amount, String statement, IdempotencyKey key);
    }

    private void oneWallet(Context ctx, String walletField, OneWalletMove move) {
        String envId = signed(ctx, true);
        Body body = Body.read(ctx, Set.of(walletField, "amount", "currency", "statement"));
        String wallet = body.wallet(walletField);
        Money amount = body.amount();
        answer(ctx, move.apply(envId, wallet, amount, body.statement(), key(ctx, envId)));
    }

    /** Between two wallets of one user a transfer; between two users a P2P payment (limits apply). */
    private void transfer(Context ctx) {
        String envId = signed(ctx, true);
        Body body = Body.read(ctx, Set.of("walletIdFrom", "walletIdTo", "amount", "currency", "statement"));
        String from = body.wallet("walletIdFrom");
        String to = body.wallet("walletIdTo");
        Money amount = body.amount();
        String statement = body.statement();
        answer(ctx, ledger.walletToWallet(new MoveCommand(new EnvId(envId), null, new WalletId(from), new WalletId(to),
                amount, Memo.description(statement)), key(ctx, envId)));
    }

    private void get(Context ctx, String what, Set<TransactionKind> kinds) {
        String envId = signed(ctx, false);
        String id = ctx.pathParam("id");
        Movement m = ledger.movement(envId, id).filter(x -> kinds.contains(x.kind()))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, what + " " + id + " not found",
                        Map.of("id", id)));
        ctx.json(Map.of("data", List.of(view(m))));
    }

    /**
     * The environment named by {@code X-Env-Id}, once the request's signature is proven to be its and
     * unused; {@code moves} for the POSTs, whose {@code Idempotency-Key} replays a stored answer.
     */
    private String signed(Context ctx, boolean moves) {
        String header = ctx.header(ENV_HEADER);
        String envId = header == null ? null : header.strip();
        if (moves) {
            signatures.requireRetryable(ctx, envId);
        } else {
            signatures.require(ctx, envId);
        }
        return envId;
    }

    private static IdempotencyKey key(Context ctx, String envId) {
        return IdempotencyKey.ofNullable("env:" + envId + "/walletops", ctx.header(Requests.IDEMPOTENCY_KEY));
    }

    private void answer(Context ctx, Outcome<Movement> outcome) {
        ctx.status(201).json(view(Requests.value(ctx, outcome)));
    }

    /** A movement in the seed's words: who it is from/to, cents, ISO currency, statement, creation date. */
    private static Map<String, Object> view(Movement m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        switch (m.kind()) {
            case TOPUP -> v.put("walletIdTo", m.creditAccount());
            case WITHDRAWAL -> {
                v.put("walletIdFrom", m.debitAccount());
                // the seed's GET of a pay-out names the wallet walletIdTo; both are given
                v.put("walletIdTo", m.debitAccount());
            }
            default -> {
                v.put("walletIdFrom", m.debitAccount());
                v.put("walletIdTo", m.creditAccount());
            }
        }
        v.put("amount", m.amount().minor());
        v.put("currency", m.amount().currencyCode());
        v.put("statement", m.description() == null ? "" : m.description());
        v.put("creationDate", m.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
        return v;
    }

    /** A request body: known camelCase fields only, each of its type. */
    private record Body(JsonFields fields) {
        static Body read(Context ctx, Set<String> names) {
            return new Body(JsonFields.read(ctx, names, false));
        }

        String wallet(String field) {
            return Requests.required(fields.string(field), field);
        }

        /** An optional statement, at most 500 characters. */
        String statement() {
            String s = fields.string("statement");
            if (s != null && s.length() > MAX_STATEMENT) {
                throw JsonFields.invalid("'statement' is longer than " + MAX_STATEMENT + " characters.", "statement");
            }
            return s;
        }

        /** {@code amount}: a positive whole number of the currency's minor unit (cents). */
        Money amount() {
            Currency currency = Currencies.of(Requests.required(fields.string("currency"), "currency"));
            JsonElement e = fields.get("amount");
            if (e == null) {
                throw JsonFields.invalid("'amount' is required.", "amount");
            }
            if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
                throw new CofferException(ErrorCode.INVALID_AMOUNT, "'amount' must be a whole number of cents.",
                        Map.of("field", "amount"));
            }
            BigDecimal cents = p.getAsBigDecimal();
            long minor;
            try {
                minor = cents.longValueExact();
            } catch (ArithmeticException tooPreciseOrLarge) {
                throw new CofferException(ErrorCode.INVALID_AMOUNT, "'amount' must be a whole number of cents that fits "
                        + "in 64 bits, was " + p.getAsString() + ".", Map.of("field", "amount"));
            }
            if (minor <= 0) {
                throw new CofferException(ErrorCode.INVALID_AMOUNT, "'amount' must be more than zero.", Map.of("field", "amount"));
            }
            return Money.ofMinor(currency, minor);
        }
    }
}
