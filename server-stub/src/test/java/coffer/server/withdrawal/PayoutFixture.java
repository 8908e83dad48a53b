package coffer.server.withdrawal;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.ledger.AccountKind;
import coffer.core.money.Money;
import coffer.server.auth.PasswordHasher;
import coffer.server.auth.Principal;
import coffer.server.bank.BankAccount;
import coffer.server.bank.BankAccountService;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.gateway.ProviderEvent;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.WriterGate;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger with the demo data (on a temporary SQLite file unless told), a fake provider, and the payout services over them. */
public final class PayoutFixture implements AutoCloseable {
    /** The ledger's clock, and a gate that can hold its writer. */
    public final WriterGate gate = new WriterGate();
    public final Database database;
    public final LedgerService ledger;
    public final FakeProvider provider = new FakeProvider()
            .account("058", "0000000001", "Alice Example", FakeProvider.Behaviour.SUCCEED)
            .account("058", "0000000002", "Alice Example", FakeProvider.Behaviour.FAIL)
            .account("058", "0000000003", "Alice Example", FakeProvider.Behaviour.PEND)
            .account("058", "0000000004", "Alice Example", FakeProvider.Behaviour.ERROR);
    public final BankAccountService bankAccounts;
    public final Payouts payouts;
    public final Principal alice;
    public final String aliceWallet;

    public PayoutFixture(Path dir) {
        this(TestDatabases.sqlite(dir));
    }

    public PayoutFixture(DatabaseConfig config) {
        database = Database.open(config);
        ledger = new LedgerService(database, gate, LedgerSettings.defaults());
        DemoData.seed(ledger, PasswordHasher.standard().hash(DemoData.PASSWORD));
        String aliceId = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow().id();
        alice = new Principal(DemoData.ENV_ID, aliceId, "session");
        aliceWallet = ledger.wallets(DemoData.ENV_ID, aliceId).get(0).id();
        bankAccounts = new BankAccountService(database, provider, Clock.systemUTC());
        payouts = new Payouts(database, ledger, provider, Clock.systemUTC());
    }

    public BankAccount account(String number) {
        return bankAccounts.add(alice, "058", number);
    }

    public WalletSnapshot wallet() {
        return ledger.wallet(DemoData.ENV_ID, aliceWallet).orElseThrow();
    }

    public WalletSnapshot clearing() {
        return ledger.wallet(DemoData.ENV_ID, LedgerService.systemAccount(DemoData.ENV_ID, AccountKind.PROVIDER_CLEARING,
                DemoData.OPENING_BALANCE.currency())).orElseThrow();
    }

    /** Asserts the wallet's posted and available balances. */
    public void assertBalances(String posted, String available) {
        WalletSnapshot w = wallet();
        assertThat(w.balance().postedMoney()).isEqualTo(Money.parse(posted, "USD"));
        assertThat(w.balance().available()).isEqualTo(Money.parse(available, "USD"));
    }

    public static ProviderEvent event(String id, String type, String reference) {
        JsonObject data = new JsonObject();
        data.addProperty("reference", reference);
        data.addProperty("payout_id", "po_" + id);
        if (type.endsWith("failed")) {
            data.addProperty("reason", "bank_rejected");
        }
        return new ProviderEvent(id, type, Instant.now(), data);
    }

    public void assertLedgerOk() throws Exception {
        assertThat(ledger.verifyInvariants().ok()).as("ledger invariants").isTrue();
    }

    @Override
    public void close() {
        gate.open();
        ledger.close();
        database.close();
    }
}
