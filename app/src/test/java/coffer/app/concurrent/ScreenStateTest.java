package coffer.app.concurrent;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The busy, error and notice every screen shows, as its background work sets them. */
class ScreenStateTest {
    private final ScreenState state = new ScreenState(BackgroundExecutor.sameThread());
    private final List<Boolean> busyChanges = new ArrayList<>();

    ScreenStateTest() {
        state.busy.addListener((o, was, now) -> busyChanges.add(now));
    }

    @Test
    void workRunsWhileBusyAndItsResultArrivesOnceBusyEnded() {
        List<String> seen = new ArrayList<>();

        state.run(() -> {
            seen.add("working, busy " + state.isBusy());
            return "done";
        }, result -> seen.add(result + ", busy " + state.isBusy()));

        assertThat(seen).containsExactly("working, busy true", "done, busy false");
        assertThat(busyChanges).containsExactly(true, false);
        assertThat(state.error.get()).isEmpty();
    }

    @Test
    void aFailureEndsTheWorkAndShowsInWords() {
        List<String> results = new ArrayList<>();

        state.<String>run(() -> {
            throw new IOException("disk full");
        }, results::add);

        assertThat(results).as("no result").isEmpty();
        assertThat(state.isBusy()).isFalse();
        assertThat(state.error.get()).isEqualTo("Something went wrong: disk full");
    }

    @Test
    void aRefusalShowsTheReasonInTheAppsWordsWithTheServersAsDetail() {
        state.run(() -> {
            throw new CofferException(ErrorCode.INSUFFICIENT_BALANCE, "Available balance 10.00 USD is less than 25.00");
        }, result -> { });

        assertThat(state.error.get())
                .isEqualTo("Not enough money available. (Available balance 10.00 USD is less than 25.00)");
    }

    @Test
    void aFailureCanBeSaidWithWhatFailed() {
        AtomicReference<Boolean> busyWhenTold = new AtomicReference<>();

        state.run(() -> {
            throw new IOException("disk full");
        }, result -> { }, failure -> {
            busyWhenTold.set(state.isBusy());
            state.fail("The receipt could not be saved", failure);
        });

        assertThat(busyWhenTold.get()).as("busy ended before the failure is handled").isFalse();
        assertThat(state.error.get()).isEqualTo("The receipt could not be saved: Something went wrong: disk full");
    }

    @Test
    void workBegunStaysBusyUntilItsLastStepEnds() {
        state.begin(() -> "opened", opened -> { });
        assertThat(state.isBusy()).as("after the first step").isTrue();

        state.finish(() -> "credited", credited -> { });

        assertThat(state.isBusy()).isFalse();
        assertThat(busyChanges).containsExactly(true, false);
    }

    @Test
    void workInTheBackgroundNeverShowsBusyButItsFailureShows() {
        List<String> results = new ArrayList<>();
        state.background(() -> "refreshed", results::add);
        state.<String>background(() -> {
            throw new IOException("gone");
        }, results::add);

        assertThat(results).containsExactly("refreshed");
        assertThat(busyChanges).isEmpty();
        assertThat(state.error.get()).isEqualTo("Something went wrong: gone");
    }

    @Test
    void noticesAndErrorsAreSetAndClearedAsTheUserActs() {
        state.notice("Saved the account ending 6789.");
        state.error("Enter the 10-digit account number.");

        state.clearError();
        assertThat(state.error.get()).isEmpty();
        assertThat(state.notice.get()).isEqualTo("Saved the account ending 6789.");

        state.error("Choose the account to remove.");
        state.clear();
        assertThat(state.error.get()).isEmpty();
        assertThat(state.notice.get()).isEmpty();
    }

    @Test
    void aFailedStepOfWorkUnderWayEndsIt() {
        state.working();
        state.fail("The card was declined.");

        assertThat(state.isBusy()).isFalse();
        assertThat(state.error.get()).isEqualTo("The card was declined.");
    }
}
