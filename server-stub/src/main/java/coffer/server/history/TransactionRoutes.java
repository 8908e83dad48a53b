package coffer.server.history;

import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.HistoryPage;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionResponse;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.WalletSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/transactions}: the caller's movements across their wallets, filtered (see
 * {@link HistoryFilters}) and paged newest first; one by id; and all that match as CSV.
 *
 * <p>A page's {@code next_cursor} carries its filters and page size: pass it alone as {@code ?cursor=}.
 * Cursors are sealed for the caller ({@link CursorSeal}), so an altered or another user's cursor is
 * INVALID_REQUEST; another user's movement is NOT_FOUND. Neither ever answers data.
 */
public record TransactionRoutes(LedgerService ledger, CursorSeal cursors) implements HttpApi.Routes {
    static final List<String> CSV_COLUMNS = List.of("id", "created_at", "completed_at", "kind", "status", "direction",
            "amount", "currency", "wallet_id", "counterparty", "description", "reference", "failure_reason", "initiated_by");

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/transactions", this::list);
        // before "{id}", which would otherwise take "export.csv" for an id
        routes.get("/api/v1/transactions/export.csv", this::export);
        routes.get("/api/v1/transactions/{id}", this::get);
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        Map<String, List<String>> params = new HashMap<>(ctx.queryParamMap());
        String cursor = QueryParams.cursor(params);
        params.remove("cursor");
        List<WalletSnapshot> wallets = ledger.walletsVisibleTo(p.envId(), p.userId());
        CursorOwner owner = CursorOwner.of(p);
        HistoryPage page;
        if (cursor != null) {
            String extra = params.keySet().stream().findFirst().orElse(null);
            if (extra != null) {
                throw QueryParams.invalid(extra, "A cursor carries its filters and page size; send it alone "
                        + "(found '" + extra + "').");
            }
            Set<String> mine = Set.copyOf(wallets.stream().map(WalletSnapshot::id).toList());
            page = ledger.historyAfter(p.envId(), cursors.open(owner, CursorKind.HISTORY, cursor), mine).orThrow();
        } else {
            HistoryFilters.Selection selection = HistoryFilters.parse(params, wallets, Set.of("limit"), 0);
            page = selection.query() == null ? new HistoryPage(List.of(), null, null)
                    : ledger.history(p.envId(), selection.query());
        }
        List<TransactionView> views = page.query() == null ? List.of()
                : TransactionViews.of(ledger, p.envId(), p.userId(), page.query().walletIds(), page.movements());
        String next = cursors.seal(owner, CursorKind.HISTORY, page.next());
        ctx.json(new TransactionList(views, next, next != null));
    }

    private void get(Context ctx) {
        Principal p = Requests.principal(ctx);
        String id = ctx.pathParam("id");
        List<String> mine = ledger.walletsVisibleTo(p.envId(), p.userId()).stream().map(WalletSnapshot::id).toList();
        Movement movement = ledger.movement(p.envId(), id)
                .filter(m -> mine.contains(m.debitAccount()) || mine.contains(m.creditAccount()))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Transaction " + id + " was not found.",
                        Map.of("transaction_id", id)));
        ctx.json(new TransactionResponse(TransactionViews.of(ledger, p.envId(), p.userId(), mine, List.of(movement)).get(0)));
    }

    private void export(Context ctx) throws IOException {
        Principal p = Requests.principal(ctx);
        HistoryFilters.Selection selection = HistoryFilters.parse(ctx.queryParamMap(),
                ledger.walletsVisibleTo(p.envId(), p.userId()), Set.of(), HistoryQuery.MAX_LIMIT);
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"transactions.csv\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            out.write(Csv.row(CSV_COLUMNS));
            if (selection.query() == null) {
                return;
            }
            Set<String> side = Set.copyOf(selection.walletIds());
            HistoryPage page = ledger.history(p.envId(), selection.query());
            while (true) {
                for (TransactionView v : TransactionViews.of(ledger, p.envId(), p.userId(), side, page.movements())) {
                    out.write(Csv.row(java.util.Arrays.asList(v.id(), v.createdAt(), v.completedAt(), v.kind(), v.status(),
                            v.direction(), v.amount(), v.currency(), v.walletId(), v.counterparty(), v.description(),
                            v.reference(), v.failureReason(), v.initiatedBy())));
                }
                if (page.next() == null) {
                    return;
                }
                page = ledger.historyAfter(p.envId(), page.next(), side).orThrow();
            }
        }
    }
}
