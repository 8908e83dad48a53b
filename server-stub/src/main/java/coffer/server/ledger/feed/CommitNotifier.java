package coffer.server.ledger.feed;

import coffer.server.ledger.engine.LedgerCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells listeners about commits on its own thread, so a slow or failing listener can never slow or
 * break the writer. The writer only merges the commit into the one pending notice and returns;
 * commits that arrive while listeners are busy are merged into one notice (the latest number and
 * everyone touched), which is all "something changed, sync now" needs, and keeps memory bounded.
 */
public final class CommitNotifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommitNotifier.class);

    private final List<Consumer<LedgerCommit>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Thread thread;
    private LedgerCommit pending;
    private boolean closed;

    public CommitNotifier() {
        thread = new Thread(this::run, "coffer-ledger-commits");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds a listener; the returned handle removes it. */
    public AutoCloseable add(Consumer<LedgerCommit> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Called by the writer after a commit: never blocks beyond a short lock, never throws. */
    public void committed(LedgerCommit commit) {
        if (commit.seq() == 0 || listeners.isEmpty()) {
            return;
        }
        synchronized (lock) {
            pending = pending == null ? commit : pending.merge(commit);
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            LedgerCommit next;
            synchronized (lock) {
                while (pending == null && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                next = pending;
                pending = null;
            }
            for (Consumer<LedgerCommit> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.warn("A commit listener failed; the commit itself stands", e);
                }
            }
        }
    }

    /** Delivers what is pending, then stops the thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
