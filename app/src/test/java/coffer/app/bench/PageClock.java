package coffer.app.bench;

import coffer.app.local.SyncEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a full sync's time between waiting for the server and applying, from outside the engine: when each
 * page had arrived (parsed, on the fetching thread) and when each had been applied (the progress callback). A
 * page is applied from the later of its arrival and the previous page's end; before its arrival the syncing
 * thread waits.
 */
final class PageClock {
    private final List<Long> arrived = new ArrayList<>();
    private final List<Long> applied = new ArrayList<>();
    private long start;

    void start() {
        start = System.nanoTime();
    }

    SyncEngine.Feed timing(SyncEngine.Feed feed) {
        return (cursor, limit) -> {
            var page = feed.page(cursor, limit);
            synchronized (arrived) {
                arrived.add(System.nanoTime());
            }
            return page;
        };
    }

    void applied() {
        applied.add(System.nanoTime());
    }

    double waitingSeconds() {
        long waiting = 0;
        synchronized (arrived) {
            for (int i = 0; i < applied.size(); i++) {
                waiting += Math.max(0, arrived.get(i) - previousEnd(i));
            }
        }
        return waiting / 1e9;
    }

    double applyingSeconds() {
        long applying = 0;
        synchronized (arrived) {
            for (int i = 0; i < applied.size(); i++) {
                applying += applied.get(i) - Math.max(arrived.get(i), previousEnd(i));
            }
        }
        return applying / 1e9;
    }

    private long previousEnd(int page) {
        return page == 0 ? start : applied.get(page - 1);
    }
}
