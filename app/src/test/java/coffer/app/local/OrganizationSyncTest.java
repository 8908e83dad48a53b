package coffer.app.local;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.TransactionTypes.TransactionView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's local copy covers the organization's wallet: once they join, its earlier movements come too (they were
 * never in the member's own feed), so the copy agrees with the server without having to be healed.
 */
class OrganizationSyncTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;

    @Test
    void joiningAnOrganizationBringsItsWalletWithItsEarlierMovementsIntoTheMembersCopy() {
        ApiClient alice = SERVER.signedIn(ALICE);
        ApiClient bob = SERVER.signedIn(BOB);
        OrganizationCreated trip = alice.createOrganization("Trip", "USD");
        String own = alice.accounts().stream().filter(a -> a.organizationId() == null).findFirst().orElseThrow().id();
        alice.pay(UUID.randomUUID().toString(), new PaymentRequest("50.00", "USD", own, trip.account().id(), "deposit", null));

        try (LocalLedger ledger = LocalLedger.open(dir.resolve("bob.db"))) {
            SyncEngine sync = new SyncEngine(bob::sync, bob::transactions, ledger, SyncEngine.Options.DEFAULT, Clock.systemUTC());
            sync.sync();
            assertThat(ledger.wallets()).extracting(AccountView::id).doesNotContain(trip.account().id());

            alice.addMember(trip.organization().id(), BOB, "viewer");
            SyncEngine.SyncReport joined = sync.sync();

            assertThat(joined.check()).as("nothing to heal: the history came with the wallet").isEqualTo(SyncEngine.Check.OK);
            AccountView wallet = ledger.wallets().stream().filter(w -> w.id().equals(trip.account().id())).findFirst()
                    .orElseThrow();
            assertThat(wallet.organizationId()).isEqualTo(trip.organization().id());
            assertThat(wallet.balance()).isEqualTo("50.00");
            assertThat(ledger.history(LedgerFilter.wallet(trip.account().id()), null, 10).transactions())
                    .extracting(TransactionView::description).containsExactly("deposit");
        }
    }
}
