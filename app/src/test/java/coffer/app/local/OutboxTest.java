package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.app.local.OutboxEntry.Kind;
import coffer.app.local.OutboxEntry.State;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.TransferTypes.TransferRequest;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private static PaymentRequest payment(String amount) {
        return new PaymentRequest(amount, "USD", "wal_1", "bob@example.com", "rent", null);
    }

    @Test
    void confirmedOperationsAreKeptInOrderWithTheirKeyAcrossReopening() {
        Path file = dir.resolve("ledger.db");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (LocalDatabase db = LocalDatabase.open(file)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            outbox.enqueuePayment(first, payment("25.00"), "25.00 USD to bob@example.com");
            outbox.enqueueTransfer(second, new TransferRequest("wal_1", "wal_2", "5.00", "USD", null), "5.00 USD");
        }
        try (LocalDatabase db = LocalDatabase.open(file)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            assertThat(outbox.unfinished()).extracting(OutboxEntry::clientId, OutboxEntry::kind, OutboxEntry::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(first.toString(), Kind.PAYMENT, State.QUEUED),
                            org.assertj.core.groups.Tuple.tuple(second.toString(), Kind.TRANSFER, State.QUEUED));
            OutboxEntry next = outbox.next().orElseThrow();
            assertThat(next.idempotencyKey()).isEqualTo(Outbox.idempotencyKey(first)).contains(first.toString());
            assertThat(Outbox.payment(next)).isEqualTo(payment("25.00"));
            assertThat(next.body()).contains("\"source_wallet_id\":\"wal_1\"");
        }
    }

    @Test
    void anEntryIsCommittedWithFullSynchronousWritesAndTheRestStaysNormal() {
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("ledger.db"))) {
            assertThat(db.writeDurably(OutboxTest::synchronousLevel)).as("FULL").isEqualTo(2);
            assertThat(db.write(OutboxTest::synchronousLevel)).as("NORMAL").isEqualTo(1);
        }
    }

    private static int synchronousLevel(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA synchronous")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void anEntryMovesQueuedSendingThenSentOrFailedAndNeverBack() {
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("ledger.db"))) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            String sent = outbox.enqueuePayment(UUID.randomUUID(), payment("1.00"), "1.00 USD").clientId();
            String refused = outbox.enqueuePayment(UUID.randomUUID(), payment("2.00"), "2.00 USD").clientId();

            assertThat(outbox.sending(sent).attempts()).isEqualTo(1);
            assertThat(outbox.requeue(sent).state()).isEqualTo(State.QUEUED);
            assertThat(outbox.sending(sent).attempts()).isEqualTo(2);
            OutboxEntry done = outbox.sent(sent, "pay_1", "pending");
            outbox.sending(refused);
            OutboxEntry failed = outbox.failed(refused, "INSUFFICIENT_BALANCE", "Not enough funds available.");

            assertThat(done.state()).isEqualTo(State.SENT);
            assertThat(done.serverId()).isEqualTo("pay_1");
            assertThat(failed.errorMessage()).isEqualTo("Not enough funds available.");
            assertThatThrownBy(() -> outbox.sending(sent)).hasMessageContaining("is not");
            assertThat(outbox.next()).isEmpty();
            assertThat(outbox.unfinished()).extracting(OutboxEntry::clientId).containsExactly(refused);
            outbox.dismiss(refused);
            assertThat(outbox.unfinished()).isEmpty();
        }
    }

    @Test
    void anEntryInterruptedWhileSendingIsTheNextToSend() {
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("ledger.db"))) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            String interrupted = outbox.enqueuePayment(UUID.randomUUID(), payment("1.00"), "1.00 USD").clientId();
            outbox.enqueuePayment(UUID.randomUUID(), payment("2.00"), "2.00 USD");
            outbox.sending(interrupted);

            assertThat(outbox.next().orElseThrow().clientId()).isEqualTo(interrupted);
        }
    }
}
