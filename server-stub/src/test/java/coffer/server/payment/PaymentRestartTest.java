package coffer.server.payment;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.money.Money;
import coffer.core.ledger.TransactionStatus;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments that a server accepted but did not finish settle once a server starts again on the same data. */
class PaymentRestartTest {
    @TempDir
    Path data;

    @Test
    void paymentsLeftPendingOrProcessingCompleteAfterARestart() throws Exception {
        String alice;
        String bob;
        String aliceId;
        try (TestServer first = TestServer.start(data)) {
            alice = first.login("alice@example.com").firstWalletId();
            bob = first.login("bob@example.com").firstWalletId();
            aliceId = new Tenants(first.server().ledger()).userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow().id();
        }

        // a server that accepted two payments and stopped: one before processing, one mid-processing
        Payment pending;
        Payment processing;
        try (Database db = Database.open(DatabaseConfig.sqlite(data));
             LedgerService ledger = new LedgerService(db, Clock.systemUTC(), LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            PaymentLedger payments = new PaymentLedger(ledger);
            pending = payments.sendPayment(order(aliceId, alice, bob, "100.00"), null).orThrow();
            processing = payments.sendPayment(order(aliceId, alice, bob, "50.00"), null).orThrow();
            payments.advancePayments(List.of(processing), List.of()).orThrow();
            assertThat(payments.payment(DemoData.ENV_ID, processing.id()).orElseThrow().status()).isEqualTo(TransactionStatus.PROCESSING);
        }

        try (TestServer again = TestServer.start(data)) {
            Caller caller = again.login("alice@example.com");
            assertThat(Payers.settled(caller, pending.id()).get("status").getAsString()).isEqualTo("completed");
            assertThat(Payers.settled(caller, processing.id()).get("status").getAsString()).isEqualTo("completed");
            assertThat(Payers.balance(caller)).isEqualTo("850.00");
            assertThat(Payers.balance(again.login("bob@example.com"))).isEqualTo("1150.00");
            assertThat(again.verify().violations()).isEmpty();
        }
    }

    private static PaymentOrder order(String payer, String from, String to, String amount) {
        return new PaymentOrder(DemoData.ENV_ID, payer, from, to, to, Money.parse(amount, "USD"), "before the restart", null);
    }
}
