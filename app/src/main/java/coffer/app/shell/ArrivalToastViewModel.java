package coffer.app.shell;

import coffer.app.i18n.Texts;
import coffer.app.sync.Arrivals;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The toast over the window when money arrives ("Received 25.00 USD from alice@example.com"): each arrival
 * ({@link Arrivals}) shows for {@link #SHOWN_FOR}, one after the other; a sync that brings more than
 * {@value #AT_ONCE} at once shows the first ones and how many more (the history lists them all). The status bar
 * announces them as well ({@link SyncStatusViewModel#announcement}).
 */
public final class ArrivalToastViewModel {
    static final Duration SHOWN_FOR = Duration.ofSeconds(5);
    /** Toasts one sync may queue, the last of them counting the rest. */
    static final int AT_ONCE = 3;

    private final BiConsumer<Duration, Runnable> later;
    private final Deque<String> queued = new ArrayDeque<>();
    private final ReadOnlyStringWrapper textWrapper = new ReadOnlyStringWrapper("");
    /** The toast's words. */
    public final ReadOnlyStringProperty text = textWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper showingWrapper = new ReadOnlyBooleanWrapper();
    /** True while a toast shows. */
    public final ReadOnlyBooleanProperty showing = showingWrapper.getReadOnlyProperty();
    /** Counts what was shown: a timer of a toast already dismissed leaves the next one alone. */
    private long shown;

    /** @param later runs a task on the UI thread after a delay (the app's {@code BackgroundExecutor::schedule}) */
    public ArrivalToastViewModel(BiConsumer<Duration, Runnable> later) {
        this.later = Objects.requireNonNull(later, "later");
    }

    /** Movements a sync brought in: those that are money arriving are toasted, the rest ignored. */
    public void arrived(List<TransactionView> movements) {
        List<String> words = new ArrayList<>();
        for (TransactionView movement : movements) {
            if (Arrivals.moneyIn(movement)) {
                words.add(Arrivals.words(movement));
            }
        }
        if (words.size() > AT_ONCE) {
            int more = words.size() - (AT_ONCE - 1);
            words = new ArrayList<>(words.subList(0, AT_ONCE - 1));
            words.add(Texts.text("arrival.more", more));
        }
        queued.addAll(words);
        if (!showing.get()) {
            next();
        }
    }

    /** Hides the toast now, and drops those waiting (sign-out, or the user dismissed it). */
    public void dismiss() {
        queued.clear();
        shown++;
        showingWrapper.set(false);
        textWrapper.set("");
    }

    private void next() {
        String words = queued.poll();
        long mine = ++shown;
        if (words == null) {
            showingWrapper.set(false);
            textWrapper.set("");
            return;
        }
        textWrapper.set(words);
        showingWrapper.set(true);
        later.accept(SHOWN_FOR, () -> {
            if (mine == shown) {
                next();
            }
        });
    }
}
