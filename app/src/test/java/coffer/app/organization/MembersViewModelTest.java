package coffer.app.organization;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.organization.OrganizationRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The members screen against the bundled server: an owner manages members and the threshold; others read. */
class MembersViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private final Locale language = Texts.locale();
    private final List<Holder> created = new ArrayList<>();

    @AfterEach
    void speakAsBefore() {
        Texts.use(language);
    }

    /** A new organization of alice's, with a USD wallet. */
    private static Holder alicesOrganization(String name) {
        OrganizationCreated made = SERVER.signedIn(ALICE).createOrganization(name, "USD");
        return Holder.organization(made.organization().id(), made.organization().name(), made.organization().role());
    }

    private MembersViewModel screen(String email, Holder holder) {
        MembersViewModel viewModel = new MembersViewModel(SERVER.signedIn(email), BackgroundExecutor.sameThread(), holder,
                created::add);
        viewModel.load();
        return viewModel;
    }

    private static MemberRow member(MembersViewModel viewModel, String email) {
        return viewModel.members.stream().filter(m -> m.email().equals(email)).findFirst().orElseThrow();
    }

    private static List<MemberView> onTheServer(Holder organization) {
        return SERVER.signedIn(ALICE).organization(organization.organizationId()).members();
    }

    @Test
    void anOwnerInvitesAMemberChangesTheirRoleAndRemovesThemAfterConfirming() {
        Holder trip = alicesOrganization("Trip");
        MembersViewModel members = screen(ALICE, trip);
        assertThat(members.members).singleElement().satisfies(m -> {
            assertThat(m.email()).isEqualTo(ALICE);
            assertThat(m.roleName()).isEqualTo("Owner");
        });
        assertThat(members.grantable).as("an owner may make owners")
                .containsExactly(OrganizationRole.OWNER, OrganizationRole.ADMIN, OrganizationRole.MEMBER, OrganizationRole.VIEWER);
        assertThat(members.readOnlyReason.get()).isEmpty();

        members.inviteEmail.set(" " + BOB + " ");
        members.inviteRole.set(OrganizationRole.ADMIN);
        members.invite();

        assertThat(members.error.get()).isEmpty();
        assertThat(members.notice.get()).isEqualTo("Added bob@example.com as Admin.");
        assertThat(member(members, BOB).roleName()).isEqualTo("Admin");
        assertThat(members.inviteEmail.get()).isEmpty();

        members.selected.set(member(members, BOB));
        assertThat(members.newRole.get()).as("the picker shows the member's role").isEqualTo(OrganizationRole.ADMIN);
        members.newRole.set(OrganizationRole.VIEWER);
        assertThat(members.canChangeRole.get()).isTrue();
        members.changeRole();

        assertThat(members.notice.get()).isEqualTo("bob@example.com is now Viewer.");
        assertThat(member(members, BOB).role()).isEqualTo("viewer");
        assertThat(onTheServer(trip)).anySatisfy(m -> {
            assertThat(m.email()).isEqualTo(BOB);
            assertThat(m.role()).isEqualTo("viewer");
        });

        members.selected.set(member(members, BOB));
        members.askRemove();
        assertThat(members.confirmation.get())
                .isEqualTo("Remove bob@example.com from Trip? They will no longer see or spend from its wallets.");
        assertThat(onTheServer(trip)).as("nothing removed before confirming").hasSize(2);
        members.confirmRemove();

        assertThat(members.notice.get()).isEqualTo("Removed bob@example.com from Trip.");
        assertThat(members.awaitingConfirmation.get()).isFalse();
        assertThat(members.members).extracting(MemberRow::email).containsExactly(ALICE);
        assertThat(onTheServer(trip)).extracting(MemberView::email).containsExactly(ALICE);
    }

    @Test
    void keepingTheMemberRemovesNobody() {
        Holder trip = alicesOrganization("Keep");
        SERVER.signedIn(ALICE).addMember(trip.organizationId(), BOB, "member");
        MembersViewModel members = screen(ALICE, trip);
        members.selected.set(member(members, BOB));
        members.askRemove();

        members.cancelRemove();
        members.confirmRemove();

        assertThat(members.confirmation.get()).isEmpty();
        assertThat(onTheServer(trip)).extracting(MemberView::email).contains(BOB);
    }

    @Test
    void theLastOwnerCannotBeDemotedAndTheServersWordsSayWhy() {
        Holder solo = alicesOrganization("Solo");
        MembersViewModel members = screen(ALICE, solo);
        members.selected.set(member(members, ALICE));
        members.newRole.set(OrganizationRole.ADMIN);

        members.changeRole();

        assertThat(members.error.get()).isEqualTo("That conflicts with the current state. (The organization's last owner"
                + " cannot be demoted: make another member an owner first)");
        assertThat(members.notice.get()).isEmpty();
        assertThat(member(members, ALICE).role()).isEqualTo("owner");
        assertThat(onTheServer(solo)).singleElement().satisfies(m -> assertThat(m.role()).isEqualTo("owner"));
    }

    @Test
    void anInviteOfSomeoneUnknownIsRefusedAndTheEmailStaysToCorrect() {
        MembersViewModel members = screen(ALICE, alicesOrganization("Unknown"));
        members.inviteEmail.set("nobody@example.com");

        members.invite();

        assertThat(members.error.get()).startsWith("Not found.");
        assertThat(members.inviteEmail.get()).isEqualTo("nobody@example.com");
        assertThat(members.members).hasSize(1);
    }

    @Test
    void aMemberSeesTheListReadOnlyAndTheServerRefusesWhatTheirOldRoleAllowed() {
        Holder shared = alicesOrganization("Shared");
        SERVER.signedIn(ALICE).addMember(shared.organizationId(), BOB, "member");
        // bob's switcher still says admin: he was demoted since it was filled
        Holder stale = new Holder(shared.organizationId(), "Shared", OrganizationRole.ADMIN);
        MembersViewModel members = new MembersViewModel(SERVER.signedIn(BOB), BackgroundExecutor.sameThread(), stale,
                created::add);
        assertThat(members.mayManage.get()).isTrue();
        members.inviteEmail.set(ALICE);
        members.inviteRole.set(OrganizationRole.VIEWER);

        members.invite();

        assertThat(members.error.get()).isEqualTo("This action is not allowed. (A member of the organization may not"
                + " manage its members)");
        assertThat(onTheServer(shared)).extracting(MemberView::role).containsExactlyInAnyOrder("owner", "member");

        members.load();

        assertThat(members.role.get()).isEqualTo(OrganizationRole.MEMBER);
        assertThat(members.mayManage.get()).isFalse();
        assertThat(members.mayChangeSettings.get()).isFalse();
        assertThat(members.grantable).isEmpty();
        assertThat(members.readOnlyReason.get())
                .isEqualTo("Your role in Shared is Member: only owners and admins change its members and settings.");
        assertThat(members.members).extracting(MemberRow::email).containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void anAdminMayNotMakeOwnersNorChangeOne() {
        Holder club = alicesOrganization("Club");
        SERVER.signedIn(ALICE).addMember(club.organizationId(), BOB, "admin");
        MembersViewModel members = screen(BOB, Holder.organization(club.organizationId(), "Club", "admin"));

        assertThat(members.grantable).containsExactly(OrganizationRole.ADMIN, OrganizationRole.MEMBER, OrganizationRole.VIEWER);
        members.selected.set(member(members, ALICE));
        assertThat(members.newRole.get()).as("an owner's role is not one bob gives").isNull();
        members.newRole.set(OrganizationRole.MEMBER);
        assertThat(members.canChangeRole.get()).isFalse();
        assertThat(members.canRemove.get()).isFalse();
        assertThat(members.mayChangeSettings.get()).isTrue();
    }

    @Test
    void anAdminWhoRemovesThemselfIsToldTheyLeft() {
        Holder club = alicesOrganization("Leavers");
        SERVER.signedIn(ALICE).addMember(club.organizationId(), BOB, "admin");
        MembersViewModel members = screen(BOB, Holder.organization(club.organizationId(), "Leavers", "admin"));
        members.selected.set(member(members, BOB));
        members.askRemove();

        members.confirmRemove();

        assertThat(members.error.get()).isEmpty();
        assertThat(members.notice.get()).isEqualTo("Removed bob@example.com from Leavers.");
        assertThat(members.readOnlyReason.get()).isEqualTo("You are no longer a member of Leavers.");
        assertThat(members.members).isEmpty();
        assertThat(members.mayManage.get()).isFalse();
        assertThat(onTheServer(club)).extracting(MemberView::email).containsExactly(ALICE);
    }

    @Test
    void theThresholdIsSavedShownAndRemoved() {
        Holder team = alicesOrganization("Team");
        MembersViewModel members = screen(ALICE, team);
        assertThat(members.thresholdNow.get())
                .isEqualTo("No approval threshold: payments from the organization's wallet leave at once.");

        members.threshold.set("1,000.5");
        members.saveThreshold();

        assertThat(members.error.get()).isEmpty();
        assertThat(members.notice.get()).isEqualTo("Approval threshold set to 1,000.50 USD.");
        assertThat(members.thresholdNow.get()).isEqualTo("Payments above 1,000.50 USD from the organization's wallet"
                + " wait until another owner or admin approves them.");
        assertThat(members.threshold.get()).isEqualTo("1000.50");
        assertThat(SERVER.signedIn(ALICE).organization(team.organizationId()).organization().approvalThreshold())
                .isEqualTo("1000.50");

        members.threshold.set("ten");
        members.saveThreshold();
        assertThat(members.error.get())
                .isEqualTo("Enter the threshold as an amount in USD, such as 100.00, or leave it empty to remove it.");

        members.threshold.set("");
        members.saveThreshold();

        assertThat(members.error.get()).isEmpty();
        assertThat(members.notice.get()).isEqualTo("Approval threshold removed: payments leave at once.");
        assertThat(SERVER.signedIn(ALICE).organization(team.organizationId()).organization().approvalThreshold()).isNull();
    }

    @Test
    void creatingAnOrganizationListsItAndHandsItToTheShell() {
        MembersViewModel mine = screen(ALICE, Holder.me(ALICE));
        assertThat(mine.isMe()).isTrue();
        assertThat(mine.mayManage.get()).as("no members to manage on one's own screen").isFalse();
        int before = mine.organizations.size();
        mine.newName.set("  Trip to Lisbon ");
        mine.newCurrency.set("EUR");

        mine.create();

        assertThat(mine.error.get()).isEmpty();
        assertThat(mine.notice.get()).isEqualTo("Created Trip to Lisbon with a EUR wallet; you are its owner.");
        assertThat(created).singleElement().satisfies(h -> {
            assertThat(h.isMe()).isFalse();
            assertThat(h.name()).isEqualTo("Trip to Lisbon");
            assertThat(h.role()).isEqualTo(OrganizationRole.OWNER);
        });
        assertThat(mine.organizations).hasSize(before + 1).last().satisfies(o -> {
            assertThat(o.id()).isEqualTo(created.get(0).organizationId());
            assertThat(o.roleName()).isEqualTo("Owner");
        });
        assertThat(mine.newName.get()).isEmpty();
        assertThat(SERVER.signedIn(ALICE).organization(created.get(0).organizationId()).accounts())
                .singleElement().satisfies(w -> assertThat(w.currency()).isEqualTo("EUR"));
    }

    @Test
    void anOrganizationNeedsAName() {
        MembersViewModel mine = screen(BOB, Holder.me(BOB));
        int before = SERVER.signedIn(BOB).organizations().size();
        mine.newName.set("   ");

        mine.create();

        assertThat(mine.error.get()).isEqualTo("Give the organization a name.");
        assertThat(created).isEmpty();
        assertThat(SERVER.signedIn(BOB).organizations()).hasSize(before);
    }
}
