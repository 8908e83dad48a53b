package coffer.server.bank;

import coffer.server.http.RateLimited;
import coffer.server.http.NoRateLimit;
import coffer.core.api.BankTypes.BankAccountList;
import coffer.core.api.BankTypes.BankAccountRequest;
import coffer.core.api.BankTypes.BankAccountView;
import coffer.core.api.BankTypes.ResolvedBankAccount;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/bank-accounts}: resolve an account's holder name, save an account (resolved first),
 * list and remove the caller's accounts. Answers show only the last four digits of a number.
 */
public record BankAccountRoutes(BankAccountService accounts) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/bank-accounts/resolve", this::resolve, RateLimited.MONEY);
        routes.post("/api/v1/bank-accounts", this::add, RateLimited.MONEY);
        routes.get("/api/v1/bank-accounts", this::list);
        routes.delete("/api/v1/bank-accounts/{id}", this::remove, NoRateLimit.because("forgets one of the caller's bank accounts"));
    }

    private void resolve(Context ctx) {
        Requests.principal(ctx);
        Map<String, List<String>> query = ctx.queryParamMap();
        QueryParams.requireKnown(query, List.of("bank_code", "account_number"));
        String bankCode = QueryParams.single(query, "bank_code");
        String number = QueryParams.single(query, "account_number");
        String name = accounts.resolve(bankCode, number);
        ctx.json(new ResolvedBankAccount(bankCode.strip(), BankAccount.last4(number.strip()), name));
    }

    private void add(Context ctx) {
        Principal p = Requests.principal(ctx);
        BankAccountRequest r = Requests.body(ctx, BankAccountRequest.class);
        ctx.status(201).json(view(accounts.add(p, r.bankCode(), r.accountNumber())));
    }

    private void list(Context ctx) {
        ctx.json(new BankAccountList(accounts.list(Requests.principal(ctx)).stream().map(BankAccountRoutes::view).toList()));
    }

    private void remove(Context ctx) {
        accounts.remove(Requests.principal(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    public static BankAccountView view(BankAccount a) {
        return new BankAccountView(a.id(), a.bankCode(), a.holderName(), a.last4(), a.createdAt().toString());
    }
}
