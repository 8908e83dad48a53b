package coffer.app.local;

import coffer.app.api.ApiException;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LocalLedger} up to date with the server's change feed. Blocking: call off the UI thread.
 *
 * <ul>
 *   <li>No cursor stored: a full sync from the beginning; else incremental from the stored cursor.</li>
 *   <li>Each page is applied in its own local transaction with its cursor, so a sync cut short (crash,
 *       network) resumes after the last applied page. The next page is fetched while one is applied.</li>
 *   <li>A 5xx, a network failure or an answer that does not parse is retried with a growing pause; when
 *       the attempts run out the sync fails and the copy stays as the last applied page left it.</li>
 *   <li>A cursor the server cannot use (400 INVALID_REQUEST): the copy is wiped and synced from the start.</li>
 *   <li>After the last page every wallet's derived balance is compared with the server's; a wallet that
 *       differs is logged and healed by fetching its movements again; if that does not help, everything is
 *       synced again from the start. The outcome is in {@link SyncReport#check()}.</li>
 *   <li>Single flight: {@link #sync()} called while a sync runs returns at once, and the running sync runs
 *       once more when it is done, so a change announced mid-sync is never missed. Its report covers every
 *       round (a change the first round brought in is reported even when the folded round finds nothing more),
 *       and a round that fails does not swallow a round asked for while it ran.</li>
 * </ul>
 * This class keeps the rounds and the balance check; reading the server (pages, retries, heals) is
 * {@link SyncFeedReader}'s.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    /** {@code GET /api/v1/sync}. */
    @FunctionalInterface
    public interface Feed {
        SyncPage page(String cursor, int limit);
    }

    /** {@code GET /api/v1/transactions} with these query parameters. */
    @FunctionalInterface
    public interface Transactions {
        TransactionList page(Map<String, String> query);
    }

    /** How the balance check after a sync came out. */
    public enum Check {
        /** Every wallet's derived balance equals the server's. */
        OK,
        /** A wallet differed and was fixed by fetching its movements again (or by a full re-sync). */
        HEALED,
        /** Still different after a full re-sync: the copy must not be trusted. */
        FAILED
    }

    /**
     * Where a running sync stands.
     *
     * @param targetSeq the server's latest commit as announced, 0 when not known
     * @param seq       the commit the copy is at now
     * @param startSeq  the commit the copy was at when the sync started
     */
    public record Progress(int pages, long rows, long startSeq, long seq, long targetSeq, boolean full) {
        /** Done so far, 0 to 1, or -1 when the end is not known. */
        public double fraction() {
            if (targetSeq <= startSeq) {
                return -1;
            }
            return Math.min(1.0, Math.max(0.0, (double) (seq - startSeq) / (targetSeq - startSeq)));
        }
    }

    /**
     * What one sync did.
     *
     * @param received movements of the user's that arrived completed in an incremental sync (not in a full one,
     *                 where everything is old news)
     */
    public record SyncReport(int pages, long rows, long seq, boolean full, Check check, List<TransactionView> received) {
        /**
         * This report and a later round's of the same sync as one: what both applied and brought in, and where the
         * later one ended and how its check came out.
         */
        SyncReport then(SyncReport later) {
            Map<String, TransactionView> all = new LinkedHashMap<>();
            received.forEach(t -> all.put(t.id(), t));
            later.received.forEach(t -> all.put(t.id(), t));
            return new SyncReport(pages + later.pages, rows + later.rows, later.seq, full || later.full, later.check,
                    List.copyOf(all.values()));
        }
    }

    /**
     * Tuning: changes per page asked for, attempts per request, first pause between attempts (doubling).
     * A server allows up to its own maximum; one that refuses more than {@link #LEGACY_MAX_PAGE_LIMIT} is then
     * asked for that many.
     */
    public record Options(int pageLimit, int attempts, Duration firstBackoff) {
        /** The largest page every version of the server serves. */
        public static final int LEGACY_MAX_PAGE_LIMIT = 1000;
        public static final Options DEFAULT = new Options(5000, 4, Duration.ofMillis(500));

        public Options {
            if (pageLimit < 1 || attempts < 1) {
                throw new IllegalArgumentException("pageLimit >= 1 and attempts >= 1");
            }
        }
    }

    private final LocalLedger ledger;
    private final SyncFeedReader reader;
    private boolean running;
    private boolean again;

    public SyncEngine(Feed feed, Transactions transactions, LocalLedger ledger, Options options, Clock clock) {
        this.reader = new SyncFeedReader(feed, transactions, ledger, options, clock);
        this.ledger = ledger;
    }

    public LocalLedger ledger() {
        return ledger;
    }

    /** Called on the syncing thread after each applied page. */
    public void onProgress(Consumer<Progress> listener) {
        reader.onProgress(listener);
    }

    /** The server's latest commit as its event stream announced it: the end the progress runs to. */
    public void announceTarget(long seq) {
        reader.announceTarget(seq);
    }

    /**
     * Syncs now, or, when a sync is already running, asks it to run once more and returns null at once.
     *
     * @return what the sync did, over all its rounds; null when the running sync took the request over
     * @throws ApiException        when the server could not be reached or kept failing (nothing half-applied)
     * @throws LocalStoreException when the local file failed
     */
    public SyncReport sync() {
        synchronized (this) {
            if (running) {
                again = true;
                return null;
            }
            running = true;
            again = false;
        }
        boolean done = false;
        try {
            SyncReport report = null;
            while (true) {
                try {
                    SyncReport round = syncOnce();
                    report = report == null ? round : report.then(round);
                } catch (RuntimeException e) {
                    if (!anotherRound()) {
                        throw e;
                    }
                    // a sync asked for while this round ran is still owed: run it before giving up on this one
                    log.info("A sync failed ({}) while another was asked for; running that one", e.toString());
                    continue;
                }
                if (!anotherRound()) {
                    break;
                }
            }
            done = true;
            return report;
        } finally {
            if (!done) {
                synchronized (this) {
                    running = false;
                    again = false;
                }
            }
        }
    }

    private Set<String> walletIds() {
        return ledger.wallets().stream().map(AccountView::id).collect(Collectors.toSet());
    }

    private synchronized boolean anotherRound() {
        if (again) {
            again = false;
            return true;
        }
        running = false;
        return false;
    }

    private SyncReport syncOnce() {
        String cursor = ledger.state().cursor();
        Set<String> known = cursor == null ? Set.of() : walletIds();
        SyncFeedReader.Pass pass = reader.pass(cursor);
        if (cursor != null) {
            // an organization the user just joined: its wallet's earlier movements were never in the user's feed
            ledger.wallets().stream().filter(w -> w.organizationId() != null && !known.contains(w.id()))
                    .forEach(w -> reader.healWallet(w.id()));
        }
        List<LocalLedger.Mismatch> wrong = ledger.mismatches();
        if (wrong.isEmpty()) {
            return pass.report(Check.OK);
        }
        // first rule out the running sums themselves: sum every stored row again
        ledger.recount();
        if (ledger.mismatches().isEmpty()) {
            log.warn("The local running balances of {} wallet(s) had drifted from their movements; summed them again",
                    wrong.size());
            return pass.report(Check.HEALED);
        }
        for (LocalLedger.Mismatch m : wrong) {
            log.warn("Local balance of wallet {} differs from the server's (posted/available/pending in minor units:"
                            + " local {}/{}/{}, server {}/{}/{}); fetching its movements again", m.walletId(),
                    m.local().posted(), m.local().available(), m.local().pending(),
                    m.server().posted(), m.server().available(), m.server().pending());
            reader.healWallet(m.walletId());
        }
        // the wallets' lists may be newer than the feed's balances: catch up, then compare again
        SyncFeedReader.Pass after = reader.pass(ledger.state().cursor());
        if (ledger.mismatches().isEmpty()) {
            return pass.plus(after).report(Check.HEALED);
        }
        log.warn("Local balances still differ after fetching the wallets again; syncing everything from the start");
        ledger.wipe();
        SyncFeedReader.Pass full = reader.pass(null);
        List<LocalLedger.Mismatch> still = ledger.mismatches();
        if (still.isEmpty()) {
            return pass.plus(after).plus(full).report(Check.HEALED);
        }
        still.forEach(m -> log.error("Local balance of wallet {} still differs after a full re-sync: local {}, server {}",
                m.walletId(), m.local(), m.server()));
        return pass.plus(after).plus(full).report(Check.FAILED);
    }
}
