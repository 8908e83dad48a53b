package coffer.server.ledger;

import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.MutableClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ledger with one environment and a few users, for service-level tests. */
final class LedgerFixture implements AutoCloseable {
    static final String ENV = "env-1";
    static final String OTHER_ENV = "env-2";
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Database database;
    final LedgerService ledger;
    private final DatabaseConfig config;
    private final LedgerSettings settings;
    private final Deque<Runnable> closeLater = new ArrayDeque<>();

    LedgerFixture(DatabaseConfig config) {
        this(config, LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO));
    }

    LedgerFixture(DatabaseConfig config, LedgerSettings settings) {
        this.config = config;
        this.settings = settings;
        database = Database.open(config);
        ledger = new LedgerService(database, clock, settings);
        new Tenants(ledger).ensureEnvironment(new EnvId(ENV), "Test", "secret-1", null, KycLimitTable.defaults());
        new Tenants(ledger).ensureEnvironment(new EnvId(OTHER_ENV), "Other", "secret-2", null, KycLimitTable.defaults());
    }

    User verifiedUser(String email) {
        return verifiedUser(email, KycTier.TIER_1);
    }

    User verifiedUser(String email, KycTier tier) {
        return new Tenants(ledger).ensureUser(NewUser.byEmail(new EnvId(ENV), email, email).kyc(KycStatus.VERIFIED,
                tier)).orThrow();
    }

    /**
     * {@code count} USD wallets of different users, each holding {@code amount}. The owners are verified
     * at the top tier, whose limits are far above what load tests move, so every refusal is about money.
     */
    List<String> fundedWallets(int count, String amount) {
        List<String> wallets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String wallet = wallet(verifiedUser("holder-" + i + "@example.com", KycTier.TIER_2), USD);
            deposit(wallet, amount);
            wallets.add(wallet);
        }
        return wallets;
    }

    User unverifiedUser(String email) {
        return new Tenants(ledger).ensureUser(NewUser.byEmail(new EnvId(ENV), email, email)).orThrow();
    }

    String wallet(User user, Currency currency) {
        return ledger.openWallet(NewWallet.inCurrency(new EnvId(user.envId()), new UserId(user.id()), currency)).orThrow().id();
    }

    /** {@code count} wallets of one user in {@code currency}: their first, then additional ones. */
    List<String> wallets(User user, Currency currency, int count) {
        List<String> wallets = new ArrayList<>(count);
        wallets.add(wallet(user, currency));
        while (wallets.size() < count) {
            wallets.add(ledger.openWallet(NewWallet.additional(new EnvId(user.envId()), new UserId(user.id()), currency)).orThrow().id());
        }
        return wallets;
    }

    /** A verified user's USD wallet holding {@code amount}. */
    String fundedWallet(String email, String amount) {
        String wallet = wallet(verifiedUser(email), USD);
        deposit(wallet, amount);
        return wallet;
    }

    Movement deposit(String wallet, String amount) {
        return ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), usd(amount),
                Memo.description("top-up")), null).orThrow();
    }

    String available(String wallet) {
        return ledger.wallet(ENV, wallet).orElseThrow().balance().available().toDecimalString();
    }

    String posted(String wallet) {
        return ledger.wallet(ENV, wallet).orElseThrow().balance().postedMoney().toDecimalString();
    }

    /** Posted minor units of a wallet or system account. */
    long postedMinor(String account) {
        return ledger.wallet(ENV, account).orElseThrow().balance().posted();
    }

    /** Posted minor units of each of {@code accounts} and of every USD system account of the environment. */
    Map<String, Long> postedWithSystemAccounts(Collection<String> accounts) {
        Map<String, Long> posted = new LinkedHashMap<>();
        accounts.forEach(a -> posted.put(a, postedMinor(a)));
        for (AccountKind kind : AccountKind.values()) {
            if (kind.isSystemAccount()) {
                String system = LedgerService.systemAccount(ENV, kind, USD);
                posted.put(system, postedMinor(system));
            }
        }
        return posted;
    }

    /** What {@code before} becomes once {@code movements} are posted: each debits its amount from one account and credits the other. */
    static Map<String, Long> after(Map<String, Long> before, Collection<Movement> movements) {
        Map<String, Long> after = new HashMap<>(before);
        for (Movement m : movements) {
            after.merge(m.debitAccount(), -m.amount().minor(), Long::sum);
            after.merge(m.creditAccount(), m.amount().minor(), Long::sum);
        }
        return after;
    }

    /** How many movements of {@code kind} the environment has, whatever their status. */
    long movementCount(TransactionKind kind) throws SQLException {
        try (Connection c = database.readers().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM transactions WHERE env_id = ? AND kind = ?")) {
            ps.setString(1, ENV);
            ps.setString(2, kind.wire());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A second ledger service on the same database, with its own connections and writer: what another
     * server process sharing the database would be. Closed with the fixture.
     */
    LedgerService anotherServer() {
        Database other = Database.open(config);
        closeLater.push(other::close);
        LedgerService service = new LedgerService(other, clock, settings);
        closeLater.push(service::close);
        return service;
    }

    static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    LedgerVerifier.Report verify() throws Exception {
        return LedgerVerifier.verify(database);
    }

    @Override
    public void close() {
        while (!closeLater.isEmpty()) {
            closeLater.pop().run();
        }
        ledger.close();
        database.close();
    }
}
