package coffer.server.ledger;

import coffer.server.tenant.User;
import coffer.server.ledger.feed.FeedChange;
import coffer.server.ledger.feed.FeedPage;
import coffer.server.ledger.feed.MovementVersions;
import coffer.server.ledger.engine.LedgerCommit;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.db.DatabaseConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static coffer.server.ledger.LedgerFixture.ENV;
import static coffer.server.ledger.LedgerFixture.USD;
import static coffer.server.ledger.LedgerFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The change feed behind {@code GET /api/v1/sync}; run against SQLite and PostgreSQL. */
abstract class ChangeFeedContract {
    LedgerFixture f;
    LedgerService ledger;
    User alice;
    String aliceWallet;
    String bobWallet;

    abstract DatabaseConfig database();

    @BeforeEach
    void open() {
        f = new LedgerFixture(database());
        ledger = f.ledger;
        alice = f.verifiedUser("alice@example.com");
        aliceWallet = f.wallet(alice, USD);
        f.deposit(aliceWallet, "100.00");
        bobWallet = f.wallet(f.verifiedUser("bob@example.com"), USD);
    }

    @AfterEach
    void close() throws Exception {
        assertThat(f.verify().violations()).as("ledger invariants after the test").isEmpty();
        f.close();
    }

    /** What a syncing client keeps: the latest state of each movement and wallet, and the balances it was told. */
    private final class Replica {
        final Map<String, Movement> movements = new LinkedHashMap<>();
        final Map<String, WalletSnapshot> wallets = new HashMap<>();
        long seq;
        int pages;
        int changes;

        void syncAll(int limit) {
            FeedPage page;
            do {
                page = ledger.changes(ENV, alice.id(), seq, limit).orThrow();
                apply(page);
            } while (page.hasMore());
        }

        void apply(FeedPage page) {
            pages++;
            assertThat(page.seq()).isGreaterThanOrEqualTo(seq);
            for (FeedChange c : page.changes()) {
                changes++;
                assertThat(c.seq()).isGreaterThan(seq).isLessThanOrEqualTo(page.seq());
                if (c.movement() != null) {
                    movements.put(c.movement().id(), c.movement());
                } else {
                    wallets.put(c.wallet().id(), c.wallet());
                }
            }
            seq = page.seq();
            // the page's balances agree with the movements the client has now, at every page boundary
            for (WalletSnapshot w : page.wallets()) {
                assertThat(postedFromMovements(w.id())).as("posted of %s after page ending at %d", w.id(), seq)
                        .isEqualTo(w.balance().posted());
                assertThat(wallets.get(w.id())).as("wallet %s as its own changes left it", w.id()).isEqualTo(w);
            }
        }

        long postedFromMovements(String wallet) {
            long posted = 0;
            for (Movement m : movements.values()) {
                if (m.status() == TransactionStatus.COMPLETED || m.status() == TransactionStatus.REVERSED) {
                    posted += m.creditAccount().equals(wallet) ? m.amount().minor() : 0;
                    posted -= m.debitAccount().equals(wallet) ? m.amount().minor() : 0;
                }
            }
            return posted;
        }
    }

    @Test
    void aFeedFromTheStartPagedSmallEndsWhereTheLedgerIsAndAgreesAtEveryPage() {
        for (int i = 1; i <= 6; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(aliceWallet), new WalletId(bobWallet),
                    usd(i + ".00"), Memo.description("p2p " + i)), null).orThrow();
        }
        ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(bobWallet), new WalletId(aliceWallet),
                usd("0.50"), Memo.description("back")), null).orThrow();

        Replica replica = new Replica();
        replica.syncAll(3);

        // eight movements, three to a page; each page's wallet changes come once each, not once per movement
        assertThat(replica.pages).isEqualTo(3);
        assertThat(replica.changes).isEqualTo(8 + 3);
        assertThat(replica.movements).hasSize(8);
        assertThat(replica.wallets.get(aliceWallet)).isEqualTo(ledger.wallet(ENV, aliceWallet).orElseThrow());
        assertThat(replica.seq).isEqualTo(ledger.lastCommit());
    }

    @Test
    void aPageNeverSplitsACommitEvenWhenTheCommitIsLargerThanTheLimit() {
        ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(aliceWallet), new WalletId(bobWallet),
                usd("1.00"), Memo.NONE), null).orThrow();

        FeedPage first = ledger.changes(ENV, alice.id(), 0, 1).orThrow();
        // the limit counts movements: the deposit's commit (movement + balance, two changes) comes whole,
        // with the wallet once, as that commit left it (its opening version before is not repeated)
        assertThat(first.changes()).hasSize(2).extracting(FeedChange::seq).containsOnly(first.changes().get(0).seq());
        assertThat(first.seq()).isLessThan(ledger.lastCommit());
        assertThat(first.changes()).filteredOn(ch -> ch.wallet() != null).singleElement()
                .satisfies(ch -> assertThat(ch.wallet().balance().postedMoney().toDecimalString()).isEqualTo("100.00"));
        assertThat(first.hasMore()).isTrue();
        FeedPage rest = ledger.changes(ENV, alice.id(), first.seq(), 3).orThrow();
        // the payment's commit; the page ends at the head (later commits touched only others' wallets)
        assertThat(rest.changes()).hasSize(2).extracting(FeedChange::seq).containsOnly(rest.changes().get(0).seq());
        assertThat(rest.seq()).isEqualTo(ledger.lastCommit());
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void theWebhookReadOfABacklogIsOneStepWhenNoEnvironmentListensAndPagedWhenOneDoes() {
        long before = ledger.lastCommit();
        for (int i = 0; i < 7; i++) {
            f.deposit(aliceWallet, "1.00");
        }
        long head = ledger.lastCommit();
        coffer.server.db.Jdbc jdbc = new coffer.server.db.Jdbc(f.database);

        MovementVersions nobody = jdbc.inTransaction(tx -> ledger.movementVersions(tx, before, 2, List.of()));
        assertThat(nobody.versions()).isEmpty();
        assertThat(nobody.upTo()).isEqualTo(head);
        assertThat(nobody.more()).isFalse();

        MovementVersions listening = jdbc.inTransaction(tx -> ledger.movementVersions(tx, before, 2, List.of(ENV)));
        assertThat(listening.versions()).hasSize(2);
        assertThat(listening.upTo()).isLessThan(head);
        assertThat(listening.more()).isTrue();
    }

    @Test
    void pagesOfAnyLimitEndWhereCountingEveryMovementChangeInOrderWouldEndThem() throws Exception {
        // alice's three wallets move money among themselves (one change each, though both sides are hers), with
        // bob, and from the system, while others move money she never sees; eight submitters at once put several
        // movements into one commit
        List<String> mine = new ArrayList<>(List.of(aliceWallet));
        for (int i = 0; i < 2; i++) {
            mine.add(ledger.openWallet(NewWallet.additional(new EnvId(ENV), new UserId(alice.id()), USD)).orThrow().id());
            f.deposit(mine.get(mine.size() - 1), "100.00");
        }
        f.deposit(bobWallet, "100.00");
        String carol = f.fundedWallet("carol@example.com", "100.00");
        java.util.Random random = new java.util.Random(16);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int kind = random.nextInt(5);
                String from = mine.get(random.nextInt(mine.size()));
                String to = mine.get(random.nextInt(mine.size()));
                done.add(pool.submit(() -> switch (kind) {
                    case 0 -> from.equals(to) ? null : ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(alice.id()),
                            new WalletId(from), new WalletId(to), usd("0.01"), Memo.NONE), null).result();
                    case 1 -> ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(from), new WalletId(bobWallet),
                            usd("0.01"), Memo.NONE), null).result();
                    case 2 -> ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(bobWallet), new WalletId(to),
                            usd("0.01"), Memo.NONE), null).result();
                    case 3 -> f.deposit(to, "0.01");
                    default -> ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(carol), new WalletId(bobWallet),
                            usd("0.01"), Memo.NONE), null).result();
                }));
            }
            for (java.util.concurrent.Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        FeedPage whole = ledger.changes(ENV, alice.id(), 0, LedgerService.FEED_MAX_LIMIT).orThrow();
        assertThat(whole.hasMore()).isFalse();
        List<FeedChange> movements = whole.changes().stream().filter(c -> c.movement() != null).toList();
        assertThat(movements).hasSizeGreaterThan(200);
        assertThat(movements.stream().mapToLong(FeedChange::seq).distinct().count())
                .as("some commits hold several of alice's movements").isLessThan(movements.size());

        for (int limit : new int[] {1, 2, 3, 5, 8, 13, 40, 250}) {
            long after = 0;
            FeedPage page;
            do {
                page = ledger.changes(ENV, alice.id(), after, limit).orThrow();
                long expectedEnd = pageEnd(movements, after, limit, whole.seq());
                assertThat(page.seq()).as("end of the page after %d at limit %d", after, limit).isEqualTo(expectedEnd);
                long from = after;
                assertThat(page.changes().stream().filter(c -> c.movement() != null).map(c -> c.seq() + " " + c.movement().id()))
                        .containsExactlyInAnyOrderElementsOf(movements.stream().filter(c -> c.seq() > from && c.seq() <= expectedEnd)
                                .map(c -> c.seq() + " " + c.movement().id()).toList());
                after = page.seq();
            } while (page.hasMore());
            assertThat(after).isEqualTo(whole.seq());
        }
    }

    /**
     * The contract's page end, by counting: the first {@code limit} movement changes after {@code after} in whole
     * commits, a first commit larger than the limit whole, and the head once no change of the user's follows.
     */
    private static long pageEnd(List<FeedChange> movements, long after, int limit, long head) {
        List<Long> seqs = movements.stream().map(FeedChange::seq).filter(s -> s > after).sorted().toList();
        if (seqs.size() <= limit) {
            return head;
        }
        long cut = seqs.get(limit);
        if (seqs.get(0) != cut) {
            return cut - 1;
        }
        return seqs.get(seqs.size() - 1) > cut ? cut : head;
    }

    @Test
    void aStatusChangeOfAnExistingMovementComesAgainWithItsNewState() {
        Replica replica = new Replica();
        replica.syncAll(500);
        Movement hold = ledger.hold(new HoldCommand(new EnvId(ENV), null, TransactionKind.PAYMENT,
                new WalletId(aliceWallet),
                new WalletId(LedgerService.systemAccount(ENV, coffer.core.ledger.AccountKind.MERCHANT, USD)),
                        usd("30.00"), f.clock.instant().plus(Duration.ofHours(1)), Memo.reference("order-9")),
                        null).orThrow();
        replica.syncAll(500);
        assertThat(replica.movements.get(hold.id()).status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(replica.wallets.get(aliceWallet).balance().available().toDecimalString()).isEqualTo("70.00");

        ledger.capture(new CaptureCommand(new EnvId(ENV), new HoldId(hold.holdId()), usd("25.00")), null).orThrow();
        long before = replica.seq;
        FeedPage page = ledger.changes(ENV, alice.id(), before, 500).orThrow();
        replica.apply(page);
        assertThat(page.changes()).extracting(c -> c.movement() == null ? "wallet" : c.movement().status().wire())
                .containsExactly("completed", "wallet");
        assertThat(replica.movements.get(hold.id()).amount().toDecimalString()).isEqualTo("25.00");
        assertThat(replica.wallets.get(aliceWallet).balance().postedMoney().toDecimalString()).isEqualTo("75.00");
    }

    @Test
    void walletStatusChangesAndNewWalletsAreInTheFeedAndOthersChangesAreNot() {
        Replica replica = new Replica();
        replica.syncAll(500);
        ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(f.fundedWallet("carol@example.com", "5.00")),
                new WalletId(bobWallet), usd("1.00"), Memo.NONE), null)
                .orThrow();
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(aliceWallet), WalletStatus.LOCKED, StatusActor.USER, "test")).orThrow();
        String euros = f.wallet(alice, LedgerFixture.EUR);

        FeedPage page = ledger.changes(ENV, alice.id(), replica.seq, 500).orThrow();
        replica.apply(page);
        assertThat(page.changes()).allMatch(c -> c.movement() == null);
        assertThat(page.changes()).extracting(c -> c.wallet().id() + ":" + c.wallet().status().wireName())
                .containsExactly(aliceWallet + ":locked", euros + ":active");
        assertThat(page.wallets()).extracting(WalletSnapshot::id).containsExactly(aliceWallet, euros);
    }

    @Test
    void aPositionPastTheLedgerIsRefusedSoTheClientStartsOver() {
        long head = ledger.lastCommit();
        assertThat(ledger.changes(ENV, alice.id(), head + 1, 10).errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(ledger.changes(ENV, alice.id(), -1, 10).errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
        FeedPage atHead = ledger.changes(ENV, alice.id(), head, 10).orThrow();
        assertThat(atHead.changes()).isEmpty();
        assertThat(atHead.hasMore()).isFalse();
        assertThat(atHead.wallets()).extracting(WalletSnapshot::id).containsExactly(aliceWallet);
    }

    @Test
    void commitListenersHearWhoseWalletsChangedAndCannotBreakCommits() throws Exception {
        List<LedgerCommit> heard = new ArrayList<>();
        java.util.concurrent.CountDownLatch twoHeard = new java.util.concurrent.CountDownLatch(1);
        try (AutoCloseable failing = ledger.onCommit(c -> {
            throw new IllegalStateException("a broken listener");
        }); AutoCloseable listening = ledger.onCommit(c -> {
            synchronized (heard) {
                heard.add(c);
                if (heard.stream().anyMatch(h -> h.userIds().size() == 2)) {
                    twoHeard.countDown();
                }
            }
        })) {
            Movement m = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(aliceWallet),
                    new WalletId(bobWallet), usd("1.00"), Memo.NONE), null).orThrow();
            assertThat(twoHeard.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(m.status()).isEqualTo(TransactionStatus.COMPLETED);
        }
        synchronized (heard) {
            LedgerCommit last = heard.get(heard.size() - 1);
            assertThat(last.userIds()).contains(alice.id());
            assertThat(last.accounts()).contains(aliceWallet, bobWallet);
            assertThat(last.seq()).isEqualTo(ledger.lastCommit());
        }
    }
}
