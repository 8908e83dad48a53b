package coffer.app.bench;

import coffer.app.api.ApiClient;
import coffer.app.local.SyncEngine;
import coffer.core.api.SyncTypes.SyncPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reads a user makes of a long ledger, over HTTP as the app makes them (request, JSON, parse), each timed
 * {@code runs} times (median): the first page of a wallet's history, the first page of the change feed, and
 * the feed's page after the latest cursor when one movement is new (what an incremental sync asks).
 */
final class Reads {
    /** One ledger size's medians, milliseconds. */
    record Row(long movements, double historyMs, double feedFirstMs, double feedLatestMs, double load) {
    }

    private final ApiClient client;
    private final Seeder seeder;
    private final String wallet;
    private final int runs;
    private final List<Row> rows = new ArrayList<>();
    /** Where reading the whole feed so far ended: the next size's pages after it bring it to the head. */
    private String head;

    Reads(ApiClient client, Seeder seeder, String wallet, int runs) {
        this.client = client;
        this.seeder = seeder;
        this.wallet = wallet;
        this.runs = runs;
    }

    /** Measures the three reads now, with the ledger holding {@code movements} of the wallet's. */
    void measure(long movements) {
        double history = median(() -> client.transactions(Map.of("wallet_id", wallet)));
        double first = median(() -> client.sync(null, 1000));
        SyncPage page;
        do {
            page = client.sync(head, SyncEngine.Options.DEFAULT.pageLimit());
            head = page.nextCursor();
        } while (page.hasMore());
        seeder.one("read probe at " + movements);
        String before = head;
        double latest = median(() -> client.sync(before, 1000));
        rows.add(new Row(movements, history, first, latest, Probes.loadAverage()));
    }

    private double median(Supplier<?> read) {
        List<Double> millis = new ArrayList<>();
        read.get();   // one untimed: the first read of a size pays for the database pages it brings into the cache
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            read.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Probes.median(millis);
    }

    void print() {
        System.out.printf(Locale.ROOT, "## Reads as the ledger grows (HTTP, median of %d)%n%n| the wallet's movements |"
                + " history first page ms (`GET /api/v1/transactions?wallet_id=`, 50) | feed first page ms (`GET /api/v1/sync`,"
                + " limit 1000) | feed page after the latest cursor ms (1 new movement) | load average |%n"
                + "|---:|---:|---:|---:|---:|%n", runs);
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %.1f |%n", r.movements(), r.historyMs(),
                    r.feedFirstMs(), r.feedLatestMs(), r.load());
        }
        System.out.println();
    }
}
