package coffer.server.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationRole;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.ledger.engine.Holders;
import coffer.server.ledger.feed.ChangeFeed;
import coffer.server.ledger.feed.FeedPage;
import coffer.server.ledger.feed.MovementVersions;
import coffer.server.ledger.query.HistoryCursor;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.LedgerQueries;
import coffer.server.ledger.rules.HolderLimits;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger's reads, on the reader pool: SQLite's WAL lets them run while the writer commits. The
 * writes are {@link LedgerService}'s, which every caller holds; this half only keeps the two apart.
 */
public abstract sealed class LedgerReads permits LedgerService {
    final Clock clock;
    final Database database;
    final LedgerQueries queries;
    private final Map<String, KycLimitTable> limitsCache = new ConcurrentHashMap<>();

    LedgerReads(Database database, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.database = Objects.requireNonNull(database, "database");
        this.queries = new LedgerQueries(new Jdbc(database));
    }

    /** Re-checks every ledger invariant from the tables (what {@code verify} prints). */
    public LedgerVerifier.Report verifyInvariants() throws java.sql.SQLException {
        return LedgerVerifier.verify(database);
    }

    /** A wallet or system account of the environment, with its balance now. */
    public Optional<WalletSnapshot> wallet(String envId, String walletId) {
        return queries.read(c -> LedgerQueries.wallet(c, envId, walletId));
    }

    /**
     * The wallets {@code userId} sees: their own, oldest first, then those of the organizations they are a
     * member of ({@link WalletSnapshot#organizationId()}).
     */
    public List<WalletSnapshot> walletsVisibleTo(String envId, String userId) {
        return queries.read(c -> LedgerQueries.walletsVisibleTo(c, envId, userId));
    }

    /** The role {@code userId} has in the organization {@code holderId}; empty for anyone else (and for any other holder). */
    public Optional<OrganizationRole> memberRole(String holderId, String userId) {
        return queries.read(c -> LedgerQueries.memberRole(c, holderId, userId));
    }

    /**
     * Whether {@code userId} is a member (any role) of the organization that holds the environment's wallet
     * {@code walletId}: what lets a member read the payments and withdrawals made from it. False for a user's wallet.
     */
    public boolean isMemberFor(String envId, String walletId, String userId) {
        return wallet(envId, walletId).map(WalletSnapshot::organizationId).flatMap(org -> memberRole(org, userId)).isPresent();
    }

    /** The organization {@code holderId}'s approval threshold for money out in {@code currency}, in minor units; empty when none applies. */
    public Optional<Long> approvalThreshold(String holderId, Currency currency) {
        return queries.read(c -> LedgerQueries.approvalThreshold(c, holderId, currency));
    }

    /** The users who act for a holder: an organization's members; none for a user. */
    public List<String> membersOf(String holderId) {
        return Ids.isOrganization(holderId) ? queries.read(c -> LedgerQueries.memberIds(c, holderId)) : List.of();
    }

    /** A holder's own wallets (a user's, or an organization's), oldest first. */
    public List<WalletSnapshot> wallets(String envId, String userId) {
        return queries.read(c -> LedgerQueries.walletsOf(c, envId, userId));
    }

    public Optional<Movement> movement(String envId, String transactionId) {
        return queries.read(c -> LedgerQueries.movement(c, envId, transactionId));
    }

    /** The first page of history for {@code query}. */
    public HistoryPage history(String envId, HistoryQuery query) {
        return queries.history(envId, query);
    }

    /** The page after {@code cursor}; refused unless all the cursor's wallets are in {@code allowedWallets}. */
    public Result<HistoryPage> historyAfter(String envId, HistoryCursor cursor, Set<String> allowedWallets) {
        return queries.historyAfter(envId, cursor, allowedWallets);
    }

    /** Owners of those of {@code accountIds} that are user wallets of the environment, by wallet id. */
    public Map<String, WalletOwner> walletOwners(String envId, java.util.Collection<String> accountIds) {
        return accountIds.isEmpty() ? Map.of() : queries.read(c -> LedgerQueries.walletOwners(c, envId, accountIds));
    }

    /** Most changes a {@link #changes} page holds (a single larger commit still comes whole). */
    public static final int FEED_MAX_LIMIT = 5000;

    /** The number of the latest commit: the change feed's head. */
    public long lastCommit() {
        return queries.read(ChangeFeed::head);
    }

    /**
     * The user's change feed after commit {@code after} (0: from the beginning), in commit order.
     * INVALID_REQUEST when {@code after} is negative or past the latest commit (a position from another
     * ledger): the client must then sync again from the beginning.
     *
     * @param limit changes per page, 1 to {@link #FEED_MAX_LIMIT}
     */
    public Result<FeedPage> changes(String envId, String userId, long after, int limit) {
        if (limit < 1 || limit > FEED_MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + FEED_MAX_LIMIT);
        }
        return queries.read(c -> {
            if (after < 0 || after > ChangeFeed.head(c)) {
                return Result.<FeedPage>rejected(ErrorCode.INVALID_REQUEST,
                        "The sync position is not one of this ledger's; sync again from the beginning");
            }
            return Result.ok(ChangeFeed.page(c, envId, userId, after, limit));
        });
    }

    /**
     * The movement versions of {@code envIds} committed after commit {@code after}, read in the caller's
     * transaction {@code tx} (a reader that keeps its own position moves it in the same transaction):
     * whole commits, about {@code max} versions at a time.
     */
    public MovementVersions movementVersions(Jdbc.Tx tx, long after, int max, Collection<String> envIds) throws SQLException {
        return ChangeFeed.versionsAfter(tx, after, max, envIds);
    }

    /** The audited changes of a wallet ({@code "wallet"}) or user ({@code "user"}), oldest first. */
    public List<AuditEntry> audit(String envId, String subjectType, String subjectId) {
        return queries.read(c -> LedgerQueries.audit(c, envId, subjectType, subjectId));
    }

    /** The environment's KYC limits (defaults if it has none). */
    public KycLimitTable limits(String envId) {
        return limitsCache.computeIfAbsent(envId,
                id -> queries.read(c -> LedgerQueries.limits(c, id)).orElseGet(KycLimitTable::defaults));
    }

    /**
     * A holder's limits in {@code currency} and what it holds and sent in the last 24 hours, over all of
     * its wallets: what the ledger checks a movement against. Empty for an unknown user.
     */
    public Optional<HolderLimits> holderLimits(String envId, String userId, Currency currency) {
        return queries.read(c -> LedgerQueries.tier(c, envId, userId)).map(tier -> {
            Instant now = clock.instant();
            Holders.Key key = new Holders.Key(userId, currency);
            long[] totals = queries.read(c -> new long[] {Holders.held(c, List.of(userId)).getOrDefault(key, 0L),
                    Holders.sentToday(c, List.of(userId), now).getOrDefault(key, 0L)});
            return new HolderLimits(limits(envId).forTier(tier, currency), Money.ofMinor(currency, totals[0]),
                    Money.ofMinor(currency, totals[1]), now);
        });
    }

    /** What the rolling 24-hour limit of the wallet's holder (over all its wallets in the currency) still allows now. */
    public Optional<Money> remainingToday(String envId, String walletId) {
        return wallet(envId, walletId).filter(w -> w.userId() != null)
                .flatMap(w -> holderLimits(envId, w.userId(), w.currency()))
                .map(HolderLimits::remainingToday);
    }

    /** A read on the reader pool, for a feature's reads that join its own tables to the ledger's. */
    public <T> T read(LedgerQueries.Read<T> read) {
        return queries.read(read);
    }

    /** The ledger's clock now. */
    public Instant now() {
        return clock.instant();
    }

}
