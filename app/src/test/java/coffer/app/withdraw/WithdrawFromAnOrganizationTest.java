package coffer.app.withdraw;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.organization.Holder;
import coffer.app.organization.HolderScope;
import coffer.core.api.OrganizationTypes;
import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.PaymentTypes.PaymentRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member withdraws from an organization's wallet above its approval threshold on the Withdraw screen: the screen
 * says it awaits an owner's or admin's decision (not that it failed), and the owner's approval pays it out.
 */
class WithdrawFromAnOrganizationTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @Test
    void aWithdrawalAboveTheThresholdAwaitsApprovalAndIsPaidOutOnceTheOwnerApproves() throws Exception {
        ApiClient alice = SERVER.signedIn(ALICE);
        OrganizationCreated band = alice.createOrganization("Band", "USD");
        String organization = band.organization().id();
        alice.addMember(organization, BOB, "member");
        alice.setApprovalThreshold(organization, "10.00");
        String alicesWallet = alice.accounts().stream().filter(a -> a.organizationId() == null).findFirst().orElseThrow().id();
        alice.pay(UUID.randomUUID().toString(), new PaymentRequest("80.00", "USD", alicesWallet, band.account().id(), null, null));

        ApiClient bob = SERVER.signedIn(BOB);
        WithdrawViewModel withdraw = new WithdrawViewModel(bob,
                HolderScope.accounts(bob, Holder.organization(organization, "Band", "member")),
                BackgroundExecutor.sameThread(), Duration.ofMillis(20));
        withdraw.load();
        assertThat(withdraw.wallet.get().id()).as("the organization's wallet, the holder chosen").isEqualTo(band.account().id());
        BankAccountsViewModel accounts = withdraw.bankAccounts();
        accounts.bankCode.set("044");
        accounts.accountNumber.set("0123456789");
        accounts.resolve();
        accounts.save();
        accounts.selected.set(accounts.accounts.get(0));
        withdraw.amount.set("30.00");

        withdraw.withdrawToAccount();

        assertThat(withdraw.error.get()).as("waiting for a decision is no failure").isEmpty();
        assertThat(withdraw.status.get()).isEqualTo("Awaiting approval: 30.00 USD — an owner or admin of the organization"
                + " decides on it; the money is held until then, and the history shows how it ends.");
        assertThat(withdraw.busy.get()).isFalse();
        List<ApprovalView> waiting = alice.approvals(organization);
        assertThat(waiting).singleElement().extracting(ApprovalView::kind).isEqualTo(OrganizationTypes.WITHDRAWAL);
        assertThat(bob.accounts().stream().filter(a -> a.id().equals(band.account().id())).findFirst().orElseThrow()
                .availableBalance()).as("held").isEqualTo("50.00");

        alice.decide(UUID.randomUUID().toString(), OrganizationTypes.WITHDRAWAL, waiting.get(0).id(), true);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"50.00".equals(balance(bob, band.account().id())) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(balance(bob, band.account().id())).as("paid out: posted").isEqualTo("50.00");
        assertThat(alice.approvals(organization)).isEmpty();
    }

    private static String balance(ApiClient client, String walletId) {
        return client.accounts().stream().filter(a -> a.id().equals(walletId)).findFirst().orElseThrow().balance();
    }
}
