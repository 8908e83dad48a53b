package coffer.server.withdrawal;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.db.Keyset;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.QueryParams;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** Request fields and list pages that withdrawals and settlements read the same way. */
public final class PayoutText {
    public static final int MAX_DESCRIPTION = 500;
    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    private PayoutText() {
    }

    /** An optional description, or INVALID_REQUEST when it is too long. */
    public static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "'description' is longer than " + MAX_DESCRIPTION + " characters.", Map.of("field", "description"));
        }
        return description;
    }

    /** A page of a list route, newest first; {@code nextCursor} sealed for the caller, or null on the last page. */
    public record Page(List<Payout> payouts, String nextCursor) {
    }

    /** A page of a list route: {@code limit} and {@code cursor}, nothing else. */
    public static Page page(Payouts payouts, CursorSeal cursors, Context ctx, Principal p, PayoutKind kind) {
        Map<String, List<String>> query = ctx.queryParamMap();
        QueryParams.requireKnown(query, List.of("limit", "cursor"));
        CursorOwner owner = CursorOwner.of(p);
        CursorKind<Keyset> list = kind == PayoutKind.WITHDRAWAL ? CursorKind.WITHDRAWALS : CursorKind.SETTLEMENTS;
        Keyset.Page<Payout> page = payouts.page(p.envId(), p.userId(), kind, cursors.open(owner, list, QueryParams.cursor(query)),
                QueryParams.limit(query, DEFAULT_PAGE, MAX_PAGE));
        return new Page(page.rows(), cursors.seal(owner, list, page.next()));
    }
}
