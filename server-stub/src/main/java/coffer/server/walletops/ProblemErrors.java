package coffer.server.walletops;

import coffer.core.error.ErrorCode;
import coffer.server.http.ErrorHandling;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of the wallet operations API in its seed's problem shape ({@code type, title, status, detail,
 * instance}) with the shared {@code code} added. The seed's three documented refusals keep its exact
 * titles and texts and its HTTP 400; every other refusal gets its code's HTTP status and message.
 */
final class ProblemErrors implements ErrorHandling.Style {
    static final ProblemErrors INSTANCE = new ProblemErrors();

    private ProblemErrors() {
    }

    @Override
    public void answer(Context ctx, ErrorCode code, String message) {
        Map<String, Object> body = switch (code) {
            case WALLET_NOT_FOUND -> problem("Decoding body", "Error", 400, "Wallet not found");
            case CURRENCY_MISMATCH -> problem("", "currency code does not match target walletId", 400, "");
            case INSUFFICIENT_BALANCE -> problem("", "Wallet does not have sufficient funds", 400, "");
            case NOT_FOUND -> problem("", "Error", 400, message);
            default -> problem("", code.defaultMessage(), code.httpStatus(), message);
        };
        body.put("instance", "");
        body.put("code", code.name());
        ctx.status((Integer) body.get("status")).json(body);
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
