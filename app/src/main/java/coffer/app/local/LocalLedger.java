package coffer.app.local;

import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's copy of one user's ledger: what the sync feed said, stored so the screens read it with no
 * network. Movements are stored side-free (money goes from {@code from_wallet} to {@code to_wallet}), so a
 * movement between two of the user's wallets is one row whichever side the server showed it from; a
 * screen sees each movement from the side of the wallet it looks at, as the server would show it.
 *
 * <p>Balances are never copied from the server: they are derived from the stored movements (posted: money
 * in minus money out of movements whose status {@link TransactionStatus#isPosted() is posted}; pending: money
 * out of those {@link TransactionStatus#isInFlight() in flight}; available: posted minus pending). Triggers keep
 * those sums per wallet as rows change, whoever changes them, so reading them costs nothing at 500,000 rows;
 * {@link #recount()} sums every row again. The triggers (in {@code db/local/V1__local_ledger.sql}) cannot call
 * Java and that migration, applied on users' machines, cannot change: they spell the two status lists out,
 * and {@code LocalLedgerTest} fails if they ever disagree with {@code TransactionStatus}. The server's own figures
 * are kept next to them only to check the copy ({@link #mismatches()}).
 *
 * <p>This class reads the wallets and answers for the copy; the writing is {@link LocalLedgerWriter}'s and the
 * history pages are {@link LocalHistory}'s.
 */
public final class LocalLedger implements AutoCloseable {
    /** Where the copy stands. {@code cursor} null: never synced. */
    public record SyncState(String cursor, long seq, Instant syncedAt) {
    }

    /** A wallet's balances in minor units. */
    public record Balances(long posted, long available, long pending) {
    }

    /** A wallet whose derived balances differ from the server's ({@code server}) as of the last sync. */
    public record Mismatch(String walletId, String currency, Balances local, Balances server) {
    }

    /** A page of history, newest first; {@code next} is where the next page starts, null on the last. */
    public record HistoryPage(List<TransactionView> transactions, Keyset next) {
    }

    /** The position after the last row of a page: (created at, id), both descending. */
    public record Keyset(String createdAt, String id) {
    }

    /** Per wallet: the server's balances, then posted in, posted out, pending out (see wallet_sums). */
    private static final String DERIVED = "SELECT w.id, w.currency, w.posted_minor, w.available_minor, w.pending_minor,"
            + " coalesce(s.posted_in, 0), coalesce(s.posted_out, 0), coalesce(s.pending_out, 0), w.status,"
            + " w.organization_id"
            + " FROM wallets w LEFT JOIN wallet_sums s ON s.wallet = w.id ORDER BY w.rowid";

    private final LocalDatabase db;
    private final LocalHistory history;
    private final LocalLedgerWriter writer;

    public LocalLedger(LocalDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
        this.history = new LocalHistory(db);
        this.writer = new LocalLedgerWriter(db);
    }

    /** Opens (creating if needed) the ledger file. */
    public static LocalLedger open(Path file) {
        return new LocalLedger(LocalDatabase.open(file));
    }

    public LocalDatabase database() {
        return db;
    }

    public SyncState state() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT cursor, seq, synced_at FROM sync_state WHERE id = 1")) {
                r.next();
                String at = r.getString(3);
                return new SyncState(r.getString(1), r.getLong(2), at == null ? null : Instant.parse(at));
            }
        });
    }

    /**
     * Applies one page of the change feed in one local transaction: its movements and wallets, the server's
     * balances as of the page, and the cursor to continue from. A crash leaves the copy as it was before
     * the page or after it, never half-way.
     *
     * @return the number of changes applied
     */
    public int apply(SyncPage page, Instant now) {
        return writer.apply(page, now);
    }

    /**
     * Replaces everything stored about one wallet's movements by {@code movements} (the server's full list
     * for it, seen from that wallet), in one transaction.
     */
    public void replaceWalletMovements(String walletId, List<TransactionView> movements) {
        writer.replaceWalletMovements(walletId, movements);
    }

    /** Forgets everything: the next sync starts from the beginning. */
    public void wipe() {
        writer.wipe();
    }

    /** The user's wallets, balances derived from the stored movements, in the order the server listed them. */
    public List<AccountView> wallets() {
        return eachWallet((r, local, server) -> new AccountView(r.getString(1), r.getString(2),
                decimal(local.posted(), r.getString(2)), decimal(local.available(), r.getString(2)),
                decimal(local.pending(), r.getString(2)), r.getString(9), r.getString(10)));
    }

    /** Wallets whose derived balances differ from the server's as of the last applied page. */
    public List<Mismatch> mismatches() {
        return eachWallet((r, local, server) -> local.equals(server) ? null
                : new Mismatch(r.getString(1), r.getString(2), local, server));
    }

    /** What to make of one wallet (its row of {@link #DERIVED}), its derived balances and the server's; null for nothing. */
    @FunctionalInterface
    private interface WalletReader<T> {
        T read(ResultSet wallet, Balances local, Balances server) throws SQLException;
    }

    private <T> List<T> eachWallet(WalletReader<T> reader) {
        return db.read(c -> {
            List<T> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(DERIVED)) {
                while (r.next()) {
                    T item = reader.read(r, derived(r),
                            new Balances(r.getLong(3), r.getLong(4), r.getLong(5)));
                    if (item != null) {
                        out.add(item);
                    }
                }
            }
            return out;
        });
    }

    private static Balances derived(ResultSet r) throws SQLException {
        long posted = r.getLong(6) - r.getLong(7);
        long pending = r.getLong(8);
        return new Balances(posted, posted - pending, pending);
    }

    /** How many movements are stored. */
    public long transactionCount() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM transactions")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /**
     * Sums every stored movement again into the per-wallet sums the triggers keep, in case those drifted
     * (a file edited by hand, a bug): the slow, thorough form of the balance check's input.
     */
    public void recount() {
        writer.recount();
    }

    /** One movement, seen from the user's sending wallet when both sides are theirs (as the server shows it). */
    public Optional<TransactionView> transaction(String id) {
        return history.transaction(id);
    }

    /**
     * One page of history, newest first, after {@code after} (null: from the newest).
     *
     * @param limit rows per page, at least 1
     */
    public HistoryPage history(LedgerFilter filter, Keyset after, int limit) {
        return history.page(filter, after, limit);
    }

    static String decimal(long minor, String currency) {
        return Money.ofMinor(currency, minor).toDecimalString();
    }

    @Override
    public void close() {
        db.close();
    }
}
