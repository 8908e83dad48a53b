package coffer.server.sync;

import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.server.auth.Principal;
import coffer.server.history.TransactionViews;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.HttpApi;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.json.Json;
import coffer.server.ledger.feed.FeedChange;
import coffer.server.ledger.feed.FeedPage;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.wallet.AccountRoutes;
import com.google.gson.stream.JsonWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/sync?cursor=&limit=}: the change feed the desktop app keeps its local ledger by.
 *
 * <p>The cursor is a commit number, sealed for the caller ({@link CursorSeal}). No cursor (or an empty
 * one) starts from the beginning. Each page ends on a commit boundary and carries the caller's wallets
 * as of that commit, so after applying a page the client's balances must equal those exactly; a
 * mismatch means its copy is wrong and it should sync again from the beginning.
 *
 * <p>A cursor the server cannot use — altered, another user's, from another server's database, or
 * ahead of this ledger — is 400 INVALID_REQUEST, and the client's answer to that is always the same:
 * discard the local copy and sync from the beginning. (A distinct "gone" code would say nothing more:
 * sync has no other input a client can get wrong at run time besides {@code limit}.)
 */
public record SyncRoutes(LedgerService ledger, CursorSeal cursors) implements HttpApi.Routes {
    static final int DEFAULT_LIMIT = 500;
    private static final Set<String> PARAMETERS = Set.of("cursor", "limit");

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/sync", this::sync);
    }

    private void sync(Context ctx) throws IOException {
        Principal p = Requests.principal(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        QueryParams.requireKnown(params, PARAMETERS);
        CursorOwner owner = CursorOwner.of(p);
        Long cursor = cursors.open(owner, CursorKind.SYNC, QueryParams.cursor(params));
        long after = cursor == null ? 0 : cursor;
        int limit = QueryParams.limit(params, DEFAULT_LIMIT, LedgerService.FEED_MAX_LIMIT);
        FeedPage page = ledger.changes(p.envId(), p.userId(), after, limit).orThrow();
        List<String> mine = ledger.walletsVisibleTo(p.envId(), p.userId()).stream().map(WalletSnapshot::id).toList();
        List<Movement> movements = page.changes().stream().map(FeedChange::movement).filter(m -> m != null).toList();
        Iterator<TransactionView> views = TransactionViews.of(ledger, p.envId(), p.userId(), mine, movements).iterator();
        List<SyncChange> changes = new ArrayList<>(page.changes().size());
        for (FeedChange c : page.changes()) {
            changes.add(c.movement() != null ? new SyncChange(c.seq(), "transaction", views.next(), null)
                    : new SyncChange(c.seq(), "account", null, AccountRoutes.view(c.wallet())));
        }
        SyncPage body = new SyncPage(changes, page.wallets().stream().map(AccountRoutes::view).toList(), page.seq(),
                cursors.seal(owner, CursorKind.SYNC, page.seq()), page.hasMore());
        // serialized straight into the response: a page of thousands of changes is never held as one text
        ctx.status(200).contentType(ContentType.APPLICATION_JSON);
        try (JsonWriter out = new JsonWriter(new Utf8Out(ctx.outputStream()))) {
            Json.gson().toJson(body, SyncPage.class, out);
        }
    }
}
