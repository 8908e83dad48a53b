package coffer.server.ledger;

import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/** A ledger with one environment and a few users, for service-level tests. */
final class LedgerFixture implements AutoCloseable {
    static final String ENV = "env-1";
    static final String OTHER_ENV = "env-2";
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Database database;
    final LedgerService ledger;

    LedgerFixture(DatabaseConfig config) {
        this(config, LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO));
    }

    LedgerFixture(DatabaseConfig config, LedgerSettings settings) {
        database = Database.open(config);
        ledger = new LedgerService(database, clock, settings);
        ledger.ensureEnvironment(ENV, "Test", "secret-1", null, KycLimitTable.defaults());
        ledger.ensureEnvironment(OTHER_ENV, "Other", "secret-2", null, KycLimitTable.defaults());
    }

    User verifiedUser(String email) {
        return ledger.ensureUser(ENV, null, email, email, null, KycStatus.VERIFIED, KycTier.TIER_1).orThrow();
    }

    User unverifiedUser(String email) {
        return ledger.ensureUser(ENV, null, email, email, null, KycStatus.UNVERIFIED, null).orThrow();
    }

    String wallet(User user, Currency currency) {
        return ledger.openWallet(user.envId(), user.id(), currency, false).orThrow().id();
    }

    /** A verified user's USD wallet holding {@code amount}. */
    String fundedWallet(String email, String amount) {
        String wallet = wallet(verifiedUser(email), USD);
        deposit(wallet, amount);
        return wallet;
    }

    Movement deposit(String wallet, String amount) {
        return ledger.deposit(ENV, wallet, usd(amount), null, "top-up", null).orThrow();
    }

    String available(String wallet) {
        return ledger.wallet(ENV, wallet).orElseThrow().balance().available().toDecimalString();
    }

    String posted(String wallet) {
        return ledger.wallet(ENV, wallet).orElseThrow().balance().postedMoney().toDecimalString();
    }

    static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    LedgerVerifier.Report verify() throws Exception {
        return LedgerVerifier.verify(database);
    }

    @Override
    public void close() {
        ledger.close();
        database.close();
    }
}
