package coffer.app.concurrent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A status asked again and again until it is final (a payment completed, a top-up confirmed, a verifier's
 * decision): each answer is shown, a final one ends the poll, and after the last ask allowed the poll gives
 * up. Made by {@link ScreenState#poll(Duration)}, configured, then started once with {@link #from},
 * {@link #now} or {@link #later}. It stops when a newer poll of its screen is made or the screen says
 * {@link ScreenState#stopPolling()}: an answer on its way then is dropped. Answers arrive on the UI thread.
 *
 * <p>A failed ask ends the poll by default, shown as the screen's error; {@link #retryFailures()} and
 * {@link #ignoreFailures()} ask again instead.
 */
public final class StatusPoll<T> {
    private enum OnFailure { STOP, RETRY, IGNORE }

    private final ScreenState state;
    private final BackgroundExecutor executor;
    private final long number;
    private Duration pause;
    private Duration longestPause;
    private long asks = Long.MAX_VALUE;
    private InstantSource clock;
    private Duration patience;
    private Instant giveUpAt;
    private Predicate<? super T> isFinal = answer -> false;
    private Consumer<? super T> onAnswer = answer -> { };
    private Consumer<? super T> onFinal = answer -> { };
    private Consumer<? super T> onGiveUp = answer -> { };
    private Consumer<? super Throwable> onFailure;
    private OnFailure failures = OnFailure.STOP;
    private Callable<T> ask;
    private T last;

    StatusPoll(ScreenState state, BackgroundExecutor executor, long number, Duration pause) {
        this.state = state;
        this.executor = executor;
        this.number = number;
        this.pause = Objects.requireNonNull(pause, "pause");
        this.longestPause = pause;
        this.onFailure = state::fail;
    }

    /** Asks at most {@code count} times (not counting an answer the poll starts {@link #from}). */
    public StatusPoll<T> times(long count) {
        this.asks = count;
        return this;
    }

    /** Doubles the pause after each ask, up to {@code longest}. */
    public StatusPoll<T> doubling(Duration longest) {
        this.longestPause = Objects.requireNonNull(longest, "longest");
        return this;
    }

    /** Asks no more once {@code patience} has passed on {@code clock} since the poll started. */
    public StatusPoll<T> within(InstantSource clock, Duration patience) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.patience = Objects.requireNonNull(patience, "patience");
        return this;
    }

    /** Told every answer, the final one included, before anything else is done with it. */
    public StatusPoll<T> onAnswer(Consumer<? super T> handler) {
        this.onAnswer = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Which answers are final ({@code test}), and what is done with the one that ends the poll. */
    public StatusPoll<T> finalWhen(Predicate<? super T> test, Consumer<? super T> handler) {
        this.isFinal = Objects.requireNonNull(test, "test");
        this.onFinal = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Told the last answer (null if none came) when no more asks are allowed and none was final. */
    public StatusPoll<T> onGiveUp(Consumer<? super T> handler) {
        this.onGiveUp = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** A failed ask counts as an ask and the poll goes on; a failure of the last ask allowed ends it. */
    public StatusPoll<T> retryFailures() {
        this.failures = OnFailure.RETRY;
        return this;
    }

    /** Told the failure that ends the poll; {@link ScreenState#fail(Throwable)} unless said otherwise. */
    public StatusPoll<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** A failed ask counts as an ask that brought no news: the poll goes on, and gives up as after the last answer. */
    public StatusPoll<T> ignoreFailures() {
        this.failures = OnFailure.IGNORE;
        return this;
    }

    /** Starts with an answer in hand: it is handled as any other, then {@code ask} follows if it is not final. */
    public void from(T answer, Callable<T> ask) {
        start(ask);
        answered(answer, 0);
    }

    /** Starts by asking at once. */
    public void now(Callable<T> ask) {
        start(ask);
        ask(0);
    }

    /** Starts by asking after the first pause. */
    public void later(Callable<T> ask) {
        start(ask);
        askLater(0);
    }

    private void start(Callable<T> what) {
        if (ask != null) {
            throw new IllegalStateException("a poll starts once");
        }
        ask = Objects.requireNonNull(what, "ask");
        if (clock != null) {
            giveUpAt = clock.instant().plus(patience);
        }
    }

    private boolean stopped() {
        return !state.polling(number);
    }

    private void ask(long asked) {
        if (stopped()) {
            return;
        }
        executor.submit(ask, answer -> answered(answer, asked + 1), failure -> failed(failure, asked + 1));
    }

    private void askLater(long asked) {
        Duration wait = pause;
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(longestPause) > 0 ? longestPause : doubled;
        executor.schedule(wait, () -> ask(asked));
    }

    private boolean mayAskAgain(long asked) {
        return asked < asks && (clock == null || !clock.instant().isAfter(giveUpAt));
    }

    private void answered(T answer, long asked) {
        if (stopped()) {
            return;
        }
        last = answer;
        onAnswer.accept(answer);
        if (isFinal.test(answer)) {
            onFinal.accept(answer);
        } else if (mayAskAgain(asked)) {
            askLater(asked);
        } else {
            onGiveUp.accept(answer);
        }
    }

    private void failed(Throwable failure, long asked) {
        if (stopped()) {
            return;
        }
        if (failures != OnFailure.STOP && mayAskAgain(asked)) {
            askLater(asked);
        } else if (failures == OnFailure.IGNORE) {
            onGiveUp.accept(last);
        } else {
            onFailure.accept(failure);
        }
    }
}
