package coffer.app.local;

import coffer.app.api.ApiException;
import coffer.app.local.SyncEngine.Check;
import coffer.app.local.SyncEngine.Options;
import coffer.app.local.SyncEngine.Progress;
import coffer.app.local.SyncEngine.SyncReport;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link SyncEngine} reads the server into its {@link LocalLedger}: the change feed from a cursor to its end,
 * page by page, telling the progress listeners after each page; and one wallet's movements again, for a heal.
 * Each request is retried with a growing pause while its failure may pass.
 */
final class SyncFeedReader {
    private static final Logger log = LoggerFactory.getLogger(SyncFeedReader.class);
    private static final int HISTORY_PAGE = 200;

    private final SyncEngine.Feed feed;
    private final SyncEngine.Transactions transactions;
    private final LocalLedger ledger;
    private final Options options;
    private final Clock clock;
    private final List<Consumer<Progress>> progressListeners = new CopyOnWriteArrayList<>();
    private volatile long targetSeq;
    /** The page limit asked for: the options', or less once the server refused it. */
    private volatile int pageLimit;

    SyncFeedReader(SyncEngine.Feed feed, SyncEngine.Transactions transactions, LocalLedger ledger, Options options,
                   Clock clock) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pageLimit = options.pageLimit();
    }

    void onProgress(Consumer<Progress> listener) {
        progressListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void announceTarget(long seq) {
        targetSeq = Math.max(targetSeq, seq);
    }

    /** What one walk along the feed did. */
    record Pass(int pages, long rows, long seq, boolean full, List<TransactionView> received) {
        Pass plus(Pass next) {
            List<TransactionView> all = new ArrayList<>(received);
            all.addAll(next.received);
            return new Pass(pages + next.pages, rows + next.rows, next.seq, full || next.full, all);
        }

        SyncReport report(Check check) {
            return new SyncReport(pages, rows, seq, full, check, List.copyOf(received));
        }
    }

    /**
     * Reads the feed from {@code cursor} to its end, applying page by page. After the first page, the next page is
     * asked for as soon as the cursor to it is known, so it travels and is parsed while this thread applies the
     * current one; pages are still applied one at a time, in order, each in its own local transaction.
     */
    Pass pass(String cursor) {
        boolean full = cursor == null;
        long startSeq = ledger.state().seq();
        String at = cursor;
        int pages = 0;
        long rows = 0;
        Map<String, TransactionView> received = new LinkedHashMap<>();
        // the first page on this thread: nothing is being applied yet, and an incremental sync, one page, is
        // spared two thread hand-offs (measured: 4-7 ms of a 7 ms sync on a busy machine)
        CompletableFuture<SyncPage> next = null;
        SyncPage page;
        do {
            try {
                page = next == null ? fetch(at, true) : await(next);
            } catch (ApiException e) {
                if (at != null && e.kind() == ApiException.Kind.REFUSED && e.code() == ErrorCode.INVALID_REQUEST) {
                    log.warn("The server cannot continue from the stored sync cursor; syncing everything from the start");
                    ledger.wipe();
                    return pass(null);
                }
                throw e;
            }
            at = page.nextCursor();
            next = page.hasMore() && at != null ? fetchAhead(at) : null;
            try {
                rows += ledger.apply(page, clock.instant());
            } catch (RuntimeException e) {
                if (next != null) {
                    next.cancel(true);
                }
                throw e;
            }
            pages++;
            if (!full) {
                collectReceived(page, received);
            }
            Progress progress = new Progress(pages, rows, startSeq, page.seq(), page.hasMore() ? targetSeq : page.seq(), full);
            progressListeners.forEach(l -> l.accept(progress));
        } while (next != null);
        return new Pass(pages, rows, page.seq(), full, List.copyOf(received.values()));
    }

    /** The page after {@code cursor}, fetched (with its retries) on a thread of its own. */
    private CompletableFuture<SyncPage> fetchAhead(String cursor) {
        return CompletableFuture.supplyAsync(() -> fetch(cursor, false), SyncFeedReader::startFetchThread);
    }

    private static void startFetchThread(Runnable fetch) {
        Thread t = new Thread(fetch, "coffer-sync-fetch");
        t.setDaemon(true);
        t.start();
    }

    /** The fetched page, or the failure that ended its attempts, as if it had been fetched on this thread. */
    private static SyncPage await(CompletableFuture<SyncPage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("The sync was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Fetching a sync page failed", e.getCause());
        }
    }

    private static void collectReceived(SyncPage page, Map<String, TransactionView> received) {
        for (SyncChange change : page.changes()) {
            TransactionView t = change.transaction();
            if (t != null) {
                if ("in".equals(t.direction()) && "completed".equals(t.status())) {
                    received.put(t.id(), t);
                } else {
                    received.remove(t.id());
                }
            }
        }
    }

    /**
     * One page, retried on failures that may pass. A limit above {@link Options#LEGACY_MAX_PAGE_LIMIT} that the
     * server refuses is asked again at that limit, which every version of the server allows, and kept for later
     * pages once the server answers it; a refusal at that limit too is the cursor's.
     */
    private SyncPage fetch(String cursor, boolean first) {
        // a pass's first page is small: nothing can be applied until it arrives, and the server writes a page of
        // 1,000 in a fifth of the time of 5,000 (every server serves 1,000, so it is never refused for its size)
        int limit = first ? Math.min(pageLimit, Options.LEGACY_MAX_PAGE_LIMIT) : pageLimit;
        try {
            return retrying(() -> feed.page(cursor, limit));
        } catch (ApiException e) {
            if (limit <= Options.LEGACY_MAX_PAGE_LIMIT || e.kind() != ApiException.Kind.REFUSED
                    || e.code() != ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            SyncPage page = retrying(() -> feed.page(cursor, Options.LEGACY_MAX_PAGE_LIMIT));
            log.info("The server refused pages of {} changes; asking for {} from now on", limit, Options.LEGACY_MAX_PAGE_LIMIT);
            pageLimit = Options.LEGACY_MAX_PAGE_LIMIT;
            return page;
        }
    }

    /** Deletes a wallet's stored movements and stores the server's list of them instead. */
    void healWallet(String walletId) {
        List<TransactionView> all = new ArrayList<>();
        String cursor = null;
        TransactionList page;
        do {
            Map<String, String> query = cursor != null ? Map.of("cursor", cursor)
                    : Map.of("wallet_id", walletId, "limit", Integer.toString(HISTORY_PAGE));
            page = retrying(() -> transactions.page(query));
            all.addAll(page.transactions());
            cursor = page.nextCursor();
        } while (page.hasMore() && cursor != null);
        ledger.replaceWalletMovements(walletId, all);
    }

    private <T> T retrying(Supplier<T> call) {
        Duration pause = options.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ApiException e) {
                boolean passing = e.kind() == ApiException.Kind.SERVER_ERROR || e.kind() == ApiException.Kind.NETWORK_DOWN;
                if (!passing || attempt >= options.attempts()) {
                    throw e;
                }
                log.info("Sync request failed ({}), attempt {} of {}; trying again in {} ms", e.kind(), attempt,
                        options.attempts(), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2);
            }
        }
    }
}
