package coffer.server.db;

import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.server.ledger.RefundCommand;
import coffer.server.payment.PaymentLedger;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.bank.BankAccount;
import coffer.server.bank.BankAccountService;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.payment.PaymentOrder;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.topup.Topup;
import coffer.server.topup.TopupService;
import coffer.server.withdrawal.FakeProvider;
import coffer.server.withdrawal.Payout;
import coffer.server.withdrawal.PayoutKind;
import coffer.server.withdrawal.Payouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Idempotency keys stored by the version before fingerprints were versioned ({@code fixtures/ledger-2026-12-02.db},
 * whose requests are known): a client retrying one of those requests with its key, within the key's lifetime,
 * still gets its replay and moves no money; the same key with another request is still refused.
 */
class KeysFromBeforeTheUpgradeTest {
    private static final String ENV = "123";
    private static final String ALICE = "usr_01M8T72K7V3ZNQ997F6HNS77AY";
    private static final String BOB = "usr_01M8T72K8MEDF0A753917CAJ11";
    private static final String ALICE_WALLET = "wal_01M8T72K81WMQACH1H511WRPB1";
    private static final String BOB_WALLET = "wal_01M8T72K8TX8M49ES9K2P5PA31";
    private static final String ALICE_SECOND_WALLET = "wal_01M8T72WVP66EKDS6XX0T6YCGY";
    /** Ten minutes after the fixture's requests: the ledger's keys are still kept. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private Database database;
    private LedgerService ledger;
    private final FakeProvider provider = new FakeProvider();
    private final Principal alice = new Principal(ENV, ALICE, "session");
    private final Principal bob = new Principal(ENV, BOB, "session");

    @BeforeEach
    void open() throws Exception {
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/ledger-2026-12-02.db")) {
            Files.copy(fixture, data.resolve("coffer.db"));
        }
        database = Database.open(DatabaseConfig.sqlite(data));
        ledger = new LedgerService(database, CLOCK, LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO));
    }

    @AfterEach
    void close() throws Exception {
        assertThat(ledger.verifyInvariants().violations()).isEmpty();
        ledger.close();
        database.close();
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private String balance(String wallet) {
        return ledger.wallet(ENV, wallet).orElseThrow().balance().postedMoney().toDecimalString();
    }

    @Test
    void ledgerRequestsReplay() {
        String alices = balance(ALICE_WALLET);
        String bobs = balance(BOB_WALLET);
        IdempotencyKey transfer = new IdempotencyKey(alice.idempotencyScope(), "fx-tr");
        IdempotencyKey payment = new IdempotencyKey(alice.idempotencyScope(), "fx-pay-1");
        IdempotencyKey refund = new IdempotencyKey(bob.idempotencyScope(), "fx-rf");
        IdempotencyKey order = new IdempotencyKey(alice.idempotencyScope(), "fx-ord");
        IdempotencyKey seed = new IdempotencyKey("demo-seed", "opening-balance-" + ALICE);

        assertReplayed(ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(ALICE),
                new WalletId(ALICE_WALLET), new WalletId(ALICE_SECOND_WALLET), usd("5.00"), Memo.NONE), transfer),
                "txn_01M8T72XKT022EKQ4XSX0WT6KC");
        Outcome<?> paid = new PaymentLedger(ledger).sendPayment(new PaymentOrder(ENV, ALICE, ALICE_WALLET, "bob@example.com", BOB_WALLET,
                usd("11.50"), "fixture 1", "{\"n\":\"1\"}"), payment);
        assertThat(paid.replayed()).isTrue();
        assertThat(new PaymentLedger(ledger).payment(ENV, "pmt_01M8T72WDZHRHE176QV6B4JTXY")).isPresent();
        assertReplayed(ledger.refund(new RefundCommand(new EnvId(ENV), UserId.ofNullable(BOB),
                "txn_01M8T72WM06BSR0GYKCYMERTYN", usd("1.00"), "Refund"), refund),
                "txn_01M8T732X5KPXR7JZRAT54MGKC");
        assertReplayed(ledger.pay(new SystemMoveCommand(new EnvId(ENV), UserId.ofNullable(ALICE),
                new WalletId(ALICE_WALLET), usd("12.50"),
                Memo.reference("coffee-beans").withDescription("Coffee beans")
                        .withMetadata("{\"product_id\":\"coffee-beans\"}")), order),
                "txn_01M8T74V545Q7WM4JTKP34344S");
        assertReplayed(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(ALICE_WALLET), usd("1000.00"),
                Memo.reference("demo-opening-balance").withDescription("Opening balance")), seed),
                "txn_01M8T72K89GW83X32ZZ50S7CP5");

        assertThat(ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(ALICE), new WalletId(ALICE_WALLET),
                new WalletId(ALICE_SECOND_WALLET), usd("6.00"), Memo.NONE), transfer)
                .result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), UserId.ofNullable(BOB),
                "txn_01M8T72WM06BSR0GYKCYMERTYN", usd("1.00"), "Refund again"), refund)
                .result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(balance(ALICE_WALLET)).isEqualTo(alices);
        assertThat(balance(BOB_WALLET)).isEqualTo(bobs);
    }

    private static void assertReplayed(Outcome<Movement> outcome, String movementId) {
        assertThat(outcome.replayed()).as(outcome.result().toString()).isTrue();
        assertThat(outcome.orThrow().id()).isEqualTo(movementId);
    }

    @Test
    void payoutRequestsReplay() {
        String alices = balance(ALICE_WALLET);
        Payouts payouts = new Payouts(database, ledger, provider, CLOCK);
        BankAccount account = new BankAccountService(database, provider, CLOCK).owned(alice, "bnk_01M8T72YHZF1F5GHBF64GB05X5");
        IdempotencyKey withdrawal = new IdempotencyKey(alice.idempotencyScope(), "fx-wd");
        IdempotencyKey settlement = new IdempotencyKey(alice.idempotencyScope(), "fx-st");

        Outcome<Payout> again = payouts.start(new Payouts.Order(PayoutKind.WITHDRAWAL, ENV, ALICE, ALICE_WALLET, usd("7.00"), account,
                null, null, null, withdrawal));
        assertThat(again.replayed()).isTrue();
        assertThat(again.orThrow().id()).isEqualTo("wdr_01M8T73X3THWG1C60G5CH5994C");
        Outcome<Payout> settled = payouts.start(new Payouts.Order(PayoutKind.SETTLEMENT, ENV, ALICE, ALICE_WALLET, usd("3.00"), account,
                null, "Settlement", null, settlement));
        assertThat(settled.replayed()).isTrue();
        assertThat(settled.orThrow().id()).isEqualTo("stl_01M8T74RFDW8DGX1G2N9N8RMFB");

        assertThat(payouts.start(new Payouts.Order(PayoutKind.WITHDRAWAL, ENV, ALICE, ALICE_WALLET, usd("8.00"), account,
                null, null, null, withdrawal)).result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(provider.payouts).as("the provider was asked for nothing").isEmpty();
        assertThat(balance(ALICE_WALLET)).isEqualTo(alices);
    }

    @Test
    void topupRequestsReplay() {
        Supplier<String> baseUrl = () -> "http://127.0.0.1:9";
        TopupService topups = new TopupService(ledger, provider, database, CLOCK, baseUrl, new ReturnOrigins(database, baseUrl, CLOCK));
        IdempotencyKey key = new IdempotencyKey(alice.idempotencyScope(), "fx-top");

        Outcome<Topup> again = topups.create(alice, new TopupRequest(ALICE_WALLET, "20.00", "USD", null, true), key);
        assertThat(again.replayed()).isTrue();
        assertThat(again.orThrow().id()).isEqualTo("top_01M8T72XNCBFEG71KCT5XDY7YE");

        assertThatThrownBy(() -> topups.create(alice, new TopupRequest(ALICE_WALLET, "20.00", "USD", null, false), key))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }
}
