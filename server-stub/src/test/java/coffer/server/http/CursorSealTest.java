package coffer.server.http;

import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.HistoryCursor;
import coffer.server.ledger.query.HistoryPosition;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.db.Keyset;
import coffer.server.ledger.query.HistoryCursor;
import coffer.server.ledger.query.HistoryPosition;
import coffer.server.ledger.query.HistoryQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

class CursorSealTest {
    private static final byte[] KEY = "key-one-of-32-bytes-for-testing!".getBytes(StandardCharsets.UTF_8);
    private static final CursorOwner ALICE = CursorOwner.of(new Principal("env-1", "usr_alice", "ses_1"));
    private static final List<CursorKind<Keyset>> KEYSET_LISTS = List.of(CursorKind.PAYMENTS, CursorKind.TOPUPS,
            CursorKind.WITHDRAWALS, CursorKind.SETTLEMENTS);
    private final CursorSeal seal = new CursorSeal(KEY);

    @Test
    void eachKindOpensWhatItSealedForItsOwner() {
        Keyset position = new Keyset(1_700_000_000_000L, "top_01JD4Q2W8M3N5P7R9T1V3X5Z7B");
        for (CursorKind<Keyset> list : KEYSET_LISTS) {
            assertThat(seal.open(ALICE, list, seal.seal(ALICE, list, position))).isEqualTo(position);
        }
        HistoryCursor history = new HistoryCursor(new HistoryQuery(List.of("wal_a", "wal_b"), Set.of(TransactionKind.PAYMENT),
                Set.of(), Instant.parse("2026-01-01T00:00:00Z"), null, Money.parse("1.50", "USD"), null, "coffee", 20), new HistoryPosition(42, "txn_01JD4Q2W8M3N5P7R9T1V3X5Z7B"));
        assertThat(seal.open(ALICE, CursorKind.HISTORY, seal.seal(ALICE, CursorKind.HISTORY, history))).isEqualTo(history);
        assertThat(seal.open(ALICE, CursorKind.SYNC, seal.seal(ALICE, CursorKind.SYNC, 42L))).isEqualTo(42L);
        CursorOwner partner = CursorOwner.partner("env-1");
        String delivery = "whd_01JD4Q2W8M3N5P7R9T1V3X5Z7B";
        assertThat(seal.open(partner, CursorKind.WEBHOOK_DELIVERIES, seal.seal(partner, CursorKind.WEBHOOK_DELIVERIES, delivery)))
                .isEqualTo(delivery);
    }

    @Test
    void noCursorIsTheFirstPageAndNoNextPositionIsNoCursor() {
        assertThat(seal.open(ALICE, CursorKind.TOPUPS, null)).isNull();
        assertThat(seal.seal(ALICE, CursorKind.TOPUPS, null)).isNull();
    }

    @Test
    void anotherOwnerListOrKeyIsRefused() {
        Keyset position = new Keyset(5, "wdr_1");
        String cursor = seal.seal(ALICE, CursorKind.WITHDRAWALS, position);
        assertRefused(() -> seal.open(CursorOwner.of(new Principal("env-1", "usr_bob", "ses_2")), CursorKind.WITHDRAWALS, cursor));
        assertRefused(() -> seal.open(CursorOwner.of(new Principal("env-2", "usr_alice", "ses_1")), CursorKind.WITHDRAWALS, cursor));
        assertRefused(() -> seal.open(CursorOwner.partner("env-1"), CursorKind.WITHDRAWALS, cursor));
        for (CursorKind<Keyset> other : KEYSET_LISTS) {
            if (other != CursorKind.WITHDRAWALS) {
                assertRefused(() -> seal.open(ALICE, other, cursor));
            }
        }
        assertRefused(() -> new CursorSeal("another-key-of-32-bytes-testing!".getBytes(StandardCharsets.UTF_8))
                .open(ALICE, CursorKind.WITHDRAWALS, cursor));
        // the same user's session does not matter: a cursor belongs to the user
        assertThat(seal.open(CursorOwner.of(new Principal("env-1", "usr_alice", "ses_9")), CursorKind.WITHDRAWALS, cursor))
                .isEqualTo(position);
    }

    @Test
    void aPartnersCursorIsItsEnvironmentsOnly() {
        HistoryCursor orders = new HistoryCursor(HistoryQuery.of("wal_a", 50), new HistoryPosition(7, "txn_1"));
        String cursor = seal.seal(CursorOwner.partner("env-1"), CursorKind.PARTNER_ORDERS, orders);
        assertRefused(() -> seal.open(CursorOwner.partner("env-2"), CursorKind.PARTNER_ORDERS, cursor));
        assertRefused(() -> seal.open(ALICE, CursorKind.ORDERS, cursor));
        assertRefused(() -> seal.open(ALICE, CursorKind.PARTNER_ORDERS, cursor));
    }

    @Test
    void theSyncCursorKeepsTheTextTheAppStored() throws Exception {
        // what the server wrote before the codec was shared: "<commit>.<MAC>", the MAC over kind, environment, user and commit
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] full = mac.doFinal("sync\nenv-1\nusr_alice\n42".getBytes(StandardCharsets.UTF_8));
        String stored = "42." + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        assertThat(seal.open(ALICE, CursorKind.SYNC, stored)).isEqualTo(42L);
        assertThat(seal.seal(ALICE, CursorKind.SYNC, 42L)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "42", "43.AAAAAAAAAAAAAAAAAAAAAA", ".AAAA", "42.%%%", "42.AAAA.BBBB",
            "MTc6dG9wX3g", "MTc6dG9wX3g.AAAAAAAAAAAAAAAAAAAAAA"})
    void garbledCursorsAreInvalidRequests(String cursor) {
        assertRefused(() -> seal.open(ALICE, CursorKind.SYNC, cursor));
        assertRefused(() -> seal.open(ALICE, CursorKind.TOPUPS, cursor));
        assertRefused(() -> seal.open(ALICE, CursorKind.HISTORY, cursor));
    }

    @Test
    void anyPositionReadsBackAndAnyChangeToItsTextIsRefused() {
        Gen<String> ids = lists().of(arbitrary().pick(List.of("a", "Z", "0", "_", ":", ".", "-", "é", "\n", "%")))
                .ofSizeBetween(1, 30).map(parts -> String.join("", parts));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        qt().forAll(longs().between(0, 999_999_999_999_999_999L), ids, integers().between(0, 10_000), integers().between(1, 63))
                .checkAssert((millis, id, where, shift) -> {
                    Keyset position = new Keyset(millis, id);
                    String cursor = seal.seal(ALICE, CursorKind.TOPUPS, position);
                    assertThat(seal.open(ALICE, CursorKind.TOPUPS, cursor)).isEqualTo(position);
                    int dot = cursor.lastIndexOf('.');
                    int at = where % dot;
                    char changed = alphabet.charAt((alphabet.indexOf(cursor.charAt(at)) + shift) % alphabet.length());
                    String tampered = cursor.substring(0, at) + changed + cursor.substring(at + 1);
                    assertRefused(() -> seal.open(ALICE, CursorKind.TOPUPS, tampered));
                });
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CofferException.class)
                .satisfies(e -> assertThat(((CofferException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
