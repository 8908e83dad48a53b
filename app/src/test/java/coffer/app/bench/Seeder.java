package coffer.app.bench;

import coffer.core.money.Money;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives alice movements through {@link LedgerService}: transfers of 1.00 between her main wallet and her pot,
 * back and forth, from 64 submitters so that the ledger's group commit takes them quickly.
 */
final class Seeder {
    private static final int SUBMITTERS = 64;
    private final LedgerService ledger;
    private final String env;
    private final String alice;
    private final String main;
    private final String pot;
    private long made;

    Seeder(LedgerService ledger, String env, String alice, String main, String pot) {
        this.ledger = ledger;
        this.env = env;
        this.alice = alice;
        this.main = main;
        this.pot = pot;
        // a float in the pot first, so transfers back never wait for the ones there (the wallets' caps allow no more top-ups)
        transfer(main, pot, "500.00", "float");
    }

    /** Transfers until {@code count} have been made in all. */
    void growTo(long count) throws Exception {
        if (count <= made) {
            return;
        }
        AtomicLong next = new AtomicLong(made);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < SUBMITTERS; t++) {
                done.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        boolean there = n % 2 == 0;
                        transfer(there ? main : pot, there ? pot : main, "1.00", (there ? "to the pot " : "back from the pot ") + n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "Seeded %,d more movements through LedgerService in %.1f s (%,d in all)%n%n",
                count - made, (System.nanoTime() - start) / 1e9, count);
        made = count;
    }

    /** One more transfer main → pot. */
    void one(String description) {
        transfer(main, pot, "1.00", description);
    }

    private void transfer(String from, String to, String amount, String description) {
        ledger.transfer(new MoveCommand(new EnvId(env), UserId.ofNullable(alice), new WalletId(from), new WalletId(to),
                Money.parse(amount, "USD"), Memo.description(description)), null).result().orThrow();
    }
}
