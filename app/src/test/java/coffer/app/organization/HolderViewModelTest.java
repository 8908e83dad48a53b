package coffer.app.organization;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The switcher offers the user and their organizations, and keeps the choice while it still can. */
class HolderViewModelTest {
    private final List<OrganizationSummary> listed = new ArrayList<>();
    private final HolderViewModel holders = new HolderViewModel(BackgroundExecutor.sameThread());

    @Test
    void theUserIsChosenAtSignInAndTheirOrganizationsAreOffered() {
        listed.add(new OrganizationSummary("org_trip", "Trip", "admin"));
        holders.enter("alice@example.com", () -> List.copyOf(listed));

        assertThat(holders.holders).extracting(Holder::toString).containsExactly("Me (alice@example.com)", "Trip — Admin");
        assertThat(holders.current.get().isMe()).isTrue();
        assertThat(holders.several.get()).isTrue();
        assertThat(holders.personalNote()).as("nothing to say while the user acts for themself").isEmpty();
    }

    @Test
    void anOrganizationTheUserLeftFallsBackToTheUserAndARoleChangeIsFollowed() {
        listed.add(new OrganizationSummary("org_trip", "Trip", "admin"));
        holders.enter("alice@example.com", () -> List.copyOf(listed));
        holders.current.set(holders.holders.get(1));

        listed.set(0, new OrganizationSummary("org_trip", "Trip", "viewer"));
        holders.reload();
        assertThat(holders.current.get().organizationId()).isEqualTo("org_trip");
        assertThat(holders.current.get().role().wire()).isEqualTo("viewer");

        listed.clear();
        holders.reload();
        assertThat(holders.current.get().isMe()).isTrue();
        assertThat(holders.several.get()).as("no organization left: no switcher").isFalse();
    }

    @Test
    void anOrganizationJustMadeIsChosenAndSigningOutForgetsEverything() {
        holders.enter("alice@example.com", () -> List.copyOf(listed));
        listed.add(new OrganizationSummary("org_new", "Team", "owner"));
        holders.adopt(Holder.organization("org_new", "Team", "owner"));

        assertThat(holders.current.get().organizationId()).isEqualTo("org_new");
        assertThat(holders.holders).hasSize(2);
        assertThat(holders.personalNote()).startsWith("This screen is about you (alice@example.com), not Team");

        holders.leave();
        assertThat(holders.holders).isEmpty();
        assertThat(holders.current.get()).isNull();
    }

    @Test
    void aFailedListKeepsWhatIsOffered() {
        listed.add(new OrganizationSummary("org_trip", "Trip", "member"));
        boolean[] down = {false};
        holders.enter("alice@example.com", () -> {
            if (down[0]) {
                throw new IllegalStateException("unreachable");
            }
            return List.copyOf(listed);
        });
        down[0] = true;
        holders.reload();
        assertThat(holders.holders).hasSize(2);
    }
}
