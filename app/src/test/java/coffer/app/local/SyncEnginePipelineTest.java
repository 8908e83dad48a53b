package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next page is fetched while the current one is applied; pages are still applied one at a time, in order,
 * each in its own transaction, and a sync cut short resumes after the last applied page.
 */
class SyncEnginePipelineTest {
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    private static final int PAGES = 4;
    private static final int PER_PAGE = 3;

    private final MockWebServer server = new MockWebServer();
    /** Each request's cursor ("" for none) and limit, in the order they came. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private final CountDownLatch secondPageAsked = new CountDownLatch(1);
    private final AtomicBoolean firstAppliedWhileSecondWasOnItsWay = new AtomicBoolean();
    private volatile int largestLimitServed = 5000;
    private volatile String lastCursor = "c" + PAGES;
    @TempDir
    Path dir;
    private LocalLedger ledger;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String cursor = request.getRequestUrl().queryParameter("cursor");
                String at = cursor == null ? "" : cursor;
                int limit = Integer.parseInt(request.getRequestUrl().queryParameter("limit"));
                requests.add(at + "@" + limit);
                if (at.equals("c1")) {
                    secondPageAsked.countDown();
                    firstAppliedWhileSecondWasOnItsWay.set(awaitStoredCursor("c1"));
                }
                if (limit > largestLimitServed || !at.isEmpty() && !at.matches("c[1-" + (PAGES - 1) + "]")) {
                    return error(400, "INVALID_REQUEST");
                }
                if (failing.contains(at)) {
                    return error(500, "INTERNAL");
                }
                int number = at.isEmpty() ? 1 : Integer.parseInt(at.substring(1)) + 1;
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(page(number, unreadable.contains(at)));
            }
        });
        server.start();
        ledger = LocalLedger.open(dir.resolve("ledger.db"));
    }

    @AfterEach
    void stop() throws Exception {
        ledger.close();
        server.shutdown();
    }

    private SyncEngine engine(int pageLimit) {
        ApiClient client = ApiClient.create(server.url("/").toString(), Duration.ofSeconds(5));
        return new SyncEngine(client::sync, client::transactions, ledger, new SyncEngine.Options(pageLimit, 2, Duration.ofMillis(10)),
                Clock.systemUTC());
    }

    /** Page n of the feed: PER_PAGE top-ups of 1.00 into w1, the balance as of its end, and the cursor after it. */
    private String page(int n, boolean unreadable) {
        List<SyncChange> changes = new ArrayList<>();
        for (int i = 0; i < PER_PAGE; i++) {
            String amount = unreadable && i == PER_PAGE - 1 ? "1.00.0" : "1.00";
            changes.add(new SyncChange(n, "transaction", new TransactionView("t" + n + "-" + i, "topup", "completed", amount, "USD",
                    "in", null, null, "top-up", null, "2026-11-01T10:00:0" + n + "Z", "2026-11-01T10:00:0" + n + "Z", "w1",
                    null), null));
        }
        String balance = (n * PER_PAGE) + ".00";
        return GSON.toJson(new SyncPage(changes, List.of(new AccountView("w1", "USD", balance, balance, "0.00", "active")), n,
                n == PAGES ? lastCursor : "c" + n, n < PAGES));
    }

    /** Whether the copy reaches {@code cursor} within a generous deadline. */
    private boolean awaitStoredCursor(String cursor) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (cursor.equals(ledger.state().cursor())) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static MockResponse error(int status, String code) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"no\"}}");
    }

    @Test
    void theNextPageIsAskedForWhileOneIsAppliedAndPagesAreAppliedInOrderEachWhole() {
        SyncEngine engine = engine(5000);
        List<String> afterEachPage = new ArrayList<>();
        List<Boolean> secondAskedBeforeFirstWasDone = new ArrayList<>();
        engine.onProgress(p -> {
            LocalLedger.SyncState state = ledger.state();
            afterEachPage.add(state.cursor() + " " + ledger.transactionCount() + " " + ledger.wallets().get(0).balance());
            if (p.pages() == 1) {
                // without fetching ahead the second page would be asked for only after this returns
                try {
                    secondAskedBeforeFirstWasDone.add(secondPageAsked.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        SyncEngine.SyncReport report = engine.sync();

        // the second page was asked for before the first was done with, and the first was applied while the
        // second was still on its way: fetching and applying overlapped
        assertThat(secondAskedBeforeFirstWasDone).containsExactly(true);
        assertThat(firstAppliedWhileSecondWasOnItsWay).isTrue();
        assertThat(afterEachPage).containsExactly("c1 3 3.00", "c2 6 6.00", "c3 9 9.00", "c4 12 12.00");
        assertThat(report.pages()).isEqualTo(PAGES);
        assertThat(report.check()).isEqualTo(SyncEngine.Check.OK);
        // the first page small, so applying starts sooner; the rest as large as asked
        assertThat(requests).containsExactly("@1000", "c1@5000", "c2@5000", "c3@5000");
    }

    @Test
    void aSyncCutShortAfterTheSecondPageKeepsBothAndResumesAfterThem() {
        failing.add("c2");

        assertThatThrownBy(() -> engine(5000).sync()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER_ERROR));
        assertThat(ledger.state().cursor()).isEqualTo("c2");
        assertThat(ledger.transactionCount()).isEqualTo(2 * PER_PAGE);

        failing.clear();
        requests.clear();
        SyncEngine.SyncReport resumed = engine(5000).sync();

        assertThat(requests).containsExactly("c2@1000", "c3@5000");
        assertThat(resumed.full()).isFalse();
        assertThat(resumed.check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(ledger.transactionCount()).isEqualTo(PAGES * PER_PAGE);
    }

    @Test
    void aPageThatCannotBeStoredStopsTheSyncBeforeItAndNothingAfterItIsApplied() {
        unreadable.add("c2");   // the third page holds an amount that is no amount

        assertThatThrownBy(() -> engine(5000).sync()).isNotInstanceOf(ApiException.class);

        assertThat(ledger.state().cursor()).isEqualTo("c2");
        assertThat(ledger.transactionCount()).isEqualTo(2 * PER_PAGE);
        assertThat(ledger.transaction("t3-0")).isEmpty();
        assertThat(ledger.transaction("t4-0")).isEmpty();
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aServerThatServesAtMostTheOldLimitIsAskedForThatAndTheCopyIsKept() {
        largestLimitServed = 1000;
        lastCursor = "c2";   // a later sync continues from the second page's cursor: two pages
        SyncEngine engine = engine(5000);
        engine.sync();
        requests.clear();

        SyncEngine.SyncReport again = engine.sync();

        assertThat(requests).as("the refused limit is not asked for again").containsExactly("c2@1000", "c3@1000");
        assertThat(again.full()).isFalse();
        assertThat(again.check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(ledger.transactionCount()).isEqualTo(PAGES * PER_PAGE);
    }

    @Test
    void aPageRefusedForItsLimitIsAskedAgainAtTheOldLimitAndSoAreThoseAfterIt() {
        largestLimitServed = 1000;

        SyncEngine.SyncReport report = engine(5000).sync();

        assertThat(requests).containsExactly("@1000", "c1@5000", "c1@1000", "c2@1000", "c3@1000");
        assertThat(report.check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(ledger.transactionCount()).isEqualTo(PAGES * PER_PAGE);
    }

    @Test
    void aCursorRefusedAtTheOldLimitTooStillStartsOverFromTheBeginning() {
        lastCursor = "stale";   // the server will not know the cursor the first sync ends with
        SyncEngine engine = engine(5000);
        engine.sync();
        requests.clear();

        SyncEngine.SyncReport report = engine.sync();

        // a first page is asked at the old limit, so its refusal is the cursor's, not the limit's: the larger
        // pages are kept
        assertThat(requests).containsExactly("stale@1000", "@1000", "c1@5000", "c2@5000", "c3@5000");
        assertThat(report.full()).isTrue();
        assertThat(report.check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(ledger.transactionCount()).isEqualTo(PAGES * PER_PAGE);
    }
}
