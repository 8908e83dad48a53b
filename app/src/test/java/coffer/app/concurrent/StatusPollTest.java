package coffer.app.concurrent;

import coffer.app.StepExecutor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status asked until it is final, as a payment, a top-up or a verification is followed. The executor
 * runs each pause's ask only when the test says, so every ask is counted.
 */
class StatusPollTest {
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final StepExecutor executor = new StepExecutor();
    private final ScreenState state = new ScreenState(executor);
    /** What the server answers, in order; an exception is thrown instead of answered. */
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();

    private Callable<String> server() {
        return () -> {
            Object next = answers.removeFirst();
            asked.add(String.valueOf(next));
            if (next instanceof Exception e) {
                throw e;
            }
            return (String) next;
        };
    }

    private StatusPoll<String> poll() {
        return state.<String>poll(PAUSE)
                .onAnswer(shown::add)
                .finalWhen(s -> !s.equals("pending"), s -> ends.add("final " + s))
                .onGiveUp(s -> ends.add("gave up at " + s));
    }

    /** Runs the asks due after each pause until none is left; returns how many pauses passed. */
    private int runPauses() {
        int pauses = 0;
        while (executor.runScheduled() > 0) {
            pauses++;
        }
        return pauses;
    }

    @Test
    void anAnswerInHandThatIsNotFinalIsFollowedUntilTheServerSaysItIs() {
        answers.addAll(List.of("pending", "completed"));

        poll().from("pending", server());

        assertThat(asked).as("nothing asked before the first pause").isEmpty();
        assertThat(runPauses()).isEqualTo(2);
        assertThat(shown).containsExactly("pending", "pending", "completed");
        assertThat(ends).containsExactly("final completed");
        assertThat(executor.pending()).as("nothing asked after the final answer").isZero();
        assertThat(executor.delays()).containsOnly(PAUSE);
    }

    @Test
    void aFinalAnswerInHandAsksNothing() {
        poll().from("failed", server());

        assertThat(ends).containsExactly("final failed");
        assertThat(executor.pending()).isZero();
    }

    @Test
    void startingNowAsksAtOnce() {
        answers.add("completed");

        poll().now(server());

        assertThat(asked).containsExactly("completed");
        assertThat(ends).containsExactly("final completed");
    }

    @Test
    void afterTheAsksAllowedThePollGivesUpWithTheLastAnswer() {
        answers.addAll(List.of("pending", "pending", "pending", "completed"));

        poll().times(3).now(server());
        runPauses();

        assertThat(asked).hasSize(3);
        assertThat(ends).containsExactly("gave up at pending");
        assertThat(answers).as("never asked").containsExactly("completed");
    }

    @Test
    void pollingStopsWhenTheScreenSaysSo() {
        answers.addAll(List.of("pending", "completed"));
        poll().now(server());

        state.stopPolling();
        runPauses();

        assertThat(asked).as("the ask due after the pause is not made").containsExactly("pending");
        assertThat(ends).isEmpty();
    }

    @Test
    void anAnswerOnItsWayWhenPollingStopsIsDropped() {
        answers.addAll(List.of("pending", "completed"));
        poll().now(new Callable<>() {
            private final Callable<String> server = server();

            @Override
            public String call() throws Exception {
                String answer = server.call();
                state.stopPolling();       // as the screen closes the page while the answer travels
                return answer;
            }
        });

        assertThat(asked).containsExactly("pending");
        assertThat(shown).isEmpty();
        assertThat(executor.pending()).isZero();
    }

    @Test
    void aNewerPollStopsTheOneBeforeItEvenBeforeItStarts() {
        answers.addAll(List.of("pending", "completed"));
        StatusPoll<String> older = poll();
        poll().from("pending", server());

        older.from("pending", server());
        runPauses();

        assertThat(ends).containsExactly("final completed");
        assertThat(shown).as("the older one showed nothing").containsExactly("pending", "pending", "completed");
    }

    @Test
    void aFailedAskEndsThePollAndShowsByDefault() {
        answers.addAll(List.of(new IOException("unreachable"), "completed"));
        state.working();

        poll().now(server());

        assertThat(state.error.get()).isEqualTo("Something went wrong: unreachable");
        assertThat(state.isBusy()).isFalse();
        assertThat(executor.pending()).isZero();
        assertThat(ends).isEmpty();
    }

    @Test
    void retriedFailuresCountAsAsksAndTheLastOneShows() {
        answers.addAll(List.of(new IOException("once"), "pending", new IOException("twice")));
        List<Throwable> failures = new ArrayList<>();

        poll().times(3).retryFailures().onFailure(failures::add).now(server());
        runPauses();

        assertThat(asked).hasSize(3);
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("twice");
        assertThat(ends).isEmpty();
    }

    @Test
    void aRetriedFailureThenAFinalAnswerEndsWell() {
        answers.addAll(List.of(new IOException("once"), "completed"));

        poll().times(3).retryFailures().now(server());
        runPauses();

        assertThat(ends).containsExactly("final completed");
        assertThat(state.error.get()).isEmpty();
    }

    @Test
    void ignoredFailuresBringNoNewsAndThePollGivesUpAtTheLastAnswer() {
        answers.addAll(List.of("pending", new IOException("lost")));

        poll().times(2).ignoreFailures().from("pending", server());
        runPauses();

        assertThat(asked).hasSize(2);
        assertThat(ends).containsExactly("gave up at pending");
        assertThat(state.error.get()).as("nothing shown for the lost answer").isEmpty();
    }

    @Test
    void aDoublingPauseGrowsUpToItsLongest() {
        answers.addAll(List.of("pending", "pending", "pending", "pending", "verified"));

        poll().doubling(Duration.ofSeconds(3)).later(server());
        runPauses();

        assertThat(executor.delays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(ends).containsExactly("final verified");
    }

    @Test
    void aPollWithPatienceGivesUpOnceItsTimeHasPassed() {
        Instant[] now = {Instant.parse("2024-05-01T10:00:00Z")};
        answers.addAll(List.of("pending", "pending", "verified"));

        poll().within(() -> now[0], Duration.ofMinutes(2)).later(server());
        executor.runScheduled();
        assertThat(asked).as("asked again while there is time").hasSize(1);
        assertThat(executor.pending()).isEqualTo(1);

        now[0] = now[0].plus(Duration.ofMinutes(2)).plusMillis(1);
        runPauses();

        assertThat(asked).as("the answer that came after the time ran out was the last").hasSize(2);
        assertThat(ends).containsExactly("gave up at pending");
    }
}
