package coffer.app.organization;

import static coffer.app.organization.FakeOrganizations.payment;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Times;
import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The approvals inbox over a fake server: what waits, who may decide on it, and the decisions taken. */
class ApprovalsViewModelTest {
    private static final String ME = "alice@example.com";
    private static final Holder TRIP = Holder.organization("org_trip", "Trip", "owner");
    private static final Holder CLUB = Holder.organization("org_club", "Club", "member");

    private final FakeOrganizations api = new FakeOrganizations()
            .waits("org_trip", payment("pay_2", "50.00", "shop@example.com", "bob@example.com", "2026-12-02T10:00:00Z"),
                    payment("pay_3", "75.00", "hotel@example.com", "Alice@Example.com", "2026-12-02T11:00:00.5Z"))
            .waits("org_club", payment("pay_1", "20.00", "wal_9", "carol@example.com", "2026-12-01T09:00:00Z"));

    private ApprovalsViewModel inbox(List<Holder> organizations) {
        ApprovalsViewModel viewModel = new ApprovalsViewModel(api, BackgroundExecutor.sameThread(), ME, organizations);
        viewModel.load();
        return viewModel;
    }

    private static ApprovalRow row(ApprovalsViewModel inbox, String id) {
        return inbox.approvals.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyOrganizationsPaymentsShowOldestFirstAndTheUsersOwnAreMarked() {
        ApprovalsViewModel inbox = inbox(List.of(Holder.me(ME), TRIP, CLUB));

        assertThat(inbox.approvals).extracting(ApprovalRow::id).containsExactly("pay_1", "pay_2", "pay_3");
        ApprovalRow first = inbox.approvals.get(0);
        assertThat(first.organizationName()).isEqualTo("Club");
        assertThat(first.amount()).isEqualTo("20.00 USD");
        assertThat(first.destination()).isEqualTo("wal_9");
        assertThat(first.description()).isEqualTo("Hotel");
        assertThat(first.askedBy()).isEqualTo("carol@example.com");
        assertThat(first.asked()).isEqualTo(Times.dateTime("2026-12-01T09:00:00Z"));
        assertThat(first.expires()).isEqualTo(Times.dateTime("2026-12-10T10:00:00Z"));
        assertThat(first.state()).isEqualTo("Waiting for a decision");
        assertThat(row(inbox, "pay_3").mine()).as("emails compared without case").isTrue();
        assertThat(row(inbox, "pay_3").state()).isEqualTo("Waiting for another owner or admin");
        assertThat(inbox.error.get()).isEmpty();
    }

    @Test
    void anOwnerApprovesAnotherMembersPaymentAndTheInboxReloads() {
        ApprovalsViewModel inbox = inbox(List.of(TRIP));
        inbox.selected.set(row(inbox, "pay_2"));
        assertThat(inbox.why.get()).isEmpty();
        assertThat(inbox.canDecide.get()).isTrue();

        inbox.approve();

        assertThat(inbox.error.get()).isEmpty();
        assertThat(inbox.notice.get()).isEqualTo("Approved: 50.00 USD to shop@example.com");
        assertThat(api.decisions).singleElement().asString().startsWith("approve pay_2 ");
        assertThat(inbox.approvals).extracting(ApprovalRow::id).containsExactly("pay_3");
        assertThat(inbox.selected.get()).isNull();
        assertThat(inbox.canDecide.get()).isFalse();
    }

    @Test
    void aRejectionSaysSoAndEachDecisionHasItsOwnKey() {
        api.waits("org_trip", payment("pay_4", "60.00", "bar@example.com", "bob@example.com", "2026-12-02T12:00:00Z"));
        ApprovalsViewModel inbox = inbox(List.of(TRIP));
        inbox.selected.set(row(inbox, "pay_2"));
        inbox.reject();
        inbox.selected.set(row(inbox, "pay_4"));
        inbox.reject();

        assertThat(inbox.notice.get()).isEqualTo("Rejected: 60.00 USD to bar@example.com");
        assertThat(api.decisions).hasSize(2).allSatisfy(d -> assertThat(d).startsWith("reject "));
        assertThat(api.keys).doesNotHaveDuplicates();
    }

    @Test
    void whoAskedForAPaymentCannotDecideOnIt() {
        ApprovalsViewModel inbox = inbox(List.of(TRIP));
        inbox.selected.set(row(inbox, "pay_3"));

        assertThat(inbox.canDecide.get()).isFalse();
        assertThat(inbox.why.get()).isEqualTo("You asked for this: another owner or admin decides on it.");
        inbox.approve();

        assertThat(inbox.error.get()).isEqualTo("You asked for this: another owner or admin decides on it.");
        assertThat(api.keys).isEmpty();
    }

    @Test
    void aMemberSeesWhatWaitsButOnlyOwnersAndAdminsDecide() {
        ApprovalsViewModel inbox = inbox(List.of(CLUB));
        inbox.selected.set(row(inbox, "pay_1"));

        assertThat(inbox.canDecide.get()).isFalse();
        assertThat(inbox.why.get()).isEqualTo("Only owners and admins decide on payments and withdrawals.");
        inbox.reject();
        assertThat(api.keys).isEmpty();
    }

    @Test
    void aWithdrawalIsDecidedLikeAPaymentAndShownAsGoingToTheBankAccount() {
        api.waits("org_trip", new ApprovalView("withdrawal", "wd_1", "10.00", "USD", "wal_org", "bank_1", null,
                "usr_b", "bob@example.com", "2026-12-02T09:00:00Z", "2026-12-09T09:00:00Z"));
        ApprovalsViewModel inbox = inbox(List.of(TRIP));
        inbox.selected.set(row(inbox, "wd_1"));

        assertThat(inbox.approvals.get(0).destination()).isEqualTo("bank account bank_1");
        assertThat(inbox.approvals.get(0).description()).isEmpty();
        assertThat(inbox.canDecide.get()).isTrue();
        inbox.reject();

        assertThat(api.decisions).singleElement().asString().startsWith("reject wd_1 ");
        assertThat(api.kinds).containsExactly("withdrawal");
        assertThat(inbox.notice.get()).isEqualTo("Rejected: 10.00 USD to bank account bank_1");
        assertThat(inbox.approvals).extracting(ApprovalRow::id).doesNotContain("wd_1");
    }

    @Test
    void aPaymentDecidedByAnotherMeanwhileIsRefusedInWordsAndLeavesTheInbox() {
        ApprovalsViewModel inbox = inbox(List.of(TRIP));
        inbox.selected.set(row(inbox, "pay_2"));
        api.waiting.get("org_trip").removeIf(a -> a.id().equals("pay_2"));

        inbox.approve();

        assertThat(inbox.error.get()).isEqualTo("That conflicts with the current state. (Payment pay_2 is not awaiting approval)");
        assertThat(inbox.notice.get()).isEmpty();
        assertThat(inbox.approvals).extracting(ApprovalRow::id).containsExactly("pay_3");
    }

    @Test
    void aDecisionThatFailedIsNotTakenAndANewOneGetsANewKey() {
        ApprovalsViewModel inbox = inbox(List.of(TRIP));
        inbox.selected.set(row(inbox, "pay_2"));
        api.failNextDecision(new CofferException(ErrorCode.FORBIDDEN, "An admin of the organization may not approve"));

        inbox.approve();

        assertThat(inbox.error.get()).startsWith("This action is not allowed.");
        assertThat(row(inbox, "pay_2")).isNotNull();
        inbox.selected.set(row(inbox, "pay_2"));
        inbox.approve();
        assertThat(api.keys).hasSize(2).doesNotHaveDuplicates();
        assertThat(inbox.notice.get()).isEqualTo("Approved: 50.00 USD to shop@example.com");
    }

    @Test
    void nothingWaitingLeavesAnEmptyInbox() {
        ApprovalsViewModel inbox = new ApprovalsViewModel(new FakeOrganizations(), BackgroundExecutor.sameThread(), ME,
                List.of(TRIP, CLUB));
        inbox.load();

        assertThat(inbox.approvals).isEmpty();
        assertThat(inbox.error.get()).isEmpty();
        assertThat(inbox.canDecide.get()).isFalse();
    }
}
