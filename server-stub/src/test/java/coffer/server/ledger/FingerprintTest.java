package coffer.server.ledger;

import coffer.core.money.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** The one encoding of what a request under an idempotency key asked for. */
class FingerprintTest {

    private static String of(String... fields) {
        Fingerprint f = Fingerprint.of("t");
        for (String field : fields) {
            f.text(field);
        }
        return f.value();
    }

    @Test
    void aSeparatorInsideAFieldIsNotAFieldBoundary() {
        // each pair was one request to the joined encodings
        assertThat(String.join("|", "a|b", "c")).isEqualTo(String.join("|", "a", "b|c"));
        assertThat(of("a|b", "c")).isNotEqualTo(of("a", "b|c"));
        assertThat(of("a\nb", "c")).isNotEqualTo(of("a", "b\nc"));
        assertThat(of("a,b", "c")).isNotEqualTo(of("a", "b,c"));
        assertThat(of("a:b", "c")).isNotEqualTo(of("a", "b:c"));
        assertThat(of("ab", "")).isNotEqualTo(of("a", "b"));
        assertThat(of("", "ab")).isNotEqualTo(of("ab", ""));
    }

    @Test
    void nullIsNeitherEmptyNorTheWordNull() {
        assertThat(String.valueOf((Object) null)).isEqualTo("null");
        assertThat(of((String) null)).isNotEqualTo(of("null")).isNotEqualTo(of(""));
        assertThat(of("")).isNotEqualTo(of("null"));
        assertThat(Fingerprint.of("t").money(null).value()).isNotEqualTo(Fingerprint.of("t").money(Money.parse("0", "USD")).value());
        assertThat(Fingerprint.of("t").name(null).value()).isNotEqualTo(Fingerprint.of("t").text("null").value());
    }

    @Test
    void aLoneSurrogateIsNotTheQuestionMarkUtf8WouldMakeOfIt() {
        assertThat("\uD800".getBytes(StandardCharsets.UTF_8)).isEqualTo("?".getBytes(StandardCharsets.UTF_8));
        assertThat(of("\uD800")).isNotEqualTo(of("?"));
        assertThat(of("\uDC00\uD800")).isNotEqualTo(of("\uD800\uDC00"));
    }

    @Test
    void fieldsOfDifferentTypesOrCountsDiffer() {
        assertThat(Fingerprint.of("t").number(1).value()).isNotEqualTo(of("1"));
        assertThat(Fingerprint.of("t").flag(true).value()).isNotEqualTo(of("true"));
        assertThat(Fingerprint.of("t").number(0).value()).isNotEqualTo(Fingerprint.of("t").flag(false).value());
        assertThat(Fingerprint.of("t").money(Money.parse("10.50", "USD")).value())
                .isNotEqualTo(Fingerprint.of("t").text("USD").number(1050).value())
                .isNotEqualTo(Fingerprint.of("t").money(Money.parse("10.50", "EUR")).value())
                .isNotEqualTo(Fingerprint.of("t").money(Money.parse("10.51", "USD")).value());
        assertThat(of("a")).isNotEqualTo(of("a", null)).isNotEqualTo(of("a", ""));
        assertThat(Fingerprint.of("move").text("x").value()).isNotEqualTo(Fingerprint.of("hold").text("x").value());
    }

    @Test
    void equalRequestsGiveEqualValuesAndTheFormIsVersioned() {
        Fingerprint a = Fingerprint.of("move").text("a|b").text(null).number(-7).flag(true).money(Money.parse("10.50", "USD"));
        Fingerprint b = Fingerprint.of("move").text("a|b").text(null).number(-7).flag(true).money(Money.parse("10.5", "USD"));
        assertThat(a.value()).isEqualTo(b.value()).startsWith(Fingerprint.VERSION).hasSize(Fingerprint.VERSION.length() + 64);
        // stored values outlive releases, so the encoding must never change: SHA-256 of 01 "move", 01 "a|b", 00,
        // 02 -7, 03 01, 04 "USD" 1050 (text as a 4-byte length in UTF-16 units and UTF-16BE; numbers as 8 bytes)
        assertThat(a.value()).isEqualTo("v2:5277413af0c0d52629062dd9c2c0c08ffc3ccf248de6f90170acc5fd6465c48d");
    }

    @Test
    void twoListsOfFieldsGiveOneValueExactlyWhenTheyAreEqual() {
        // a tiny alphabet of separators and the letters of "null", so equal and colliding lists come up often
        String[] alphabet = {"|", "\n", ",", "n", "u", "l", ""};
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<String> a = fields(random, alphabet);
            List<String> b = random.nextInt(4) == 0 ? new ArrayList<>(a) : fields(random, alphabet);
            assertThat(of(a.toArray(String[]::new)).equals(of(b.toArray(String[]::new))))
                    .as("%s vs %s", a, b).isEqualTo(a.equals(b));
        });
    }

    private static List<String> fields(Random random, String[] alphabet) {
        List<String> fields = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            if (random.nextInt(5) == 0) {
                fields.add(null);
                continue;
            }
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(4); j > 0; j--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            fields.add(s.toString());
        }
        return fields;
    }

    @Test
    void aValueStoredBeforeTheUpgradeIsComparedTheWayItWasWritten() throws Exception {
        Fingerprint request = Fingerprint.of("capture").text("123").text("hld_1").money(null).legacy("all").text(null);
        String ledger = sha256Hex("capture|123|hld_1|all|null");
        String topups = sha256Hex("capture\n123\nhld_1\nall\nnull");
        String payouts = "capture|123|hld_1|all|null";

        assertThat(request.matches(ledger, Fingerprint.Legacy.LEDGER)).isTrue();
        assertThat(request.matches(topups, Fingerprint.Legacy.TOPUPS)).isTrue();
        assertThat(request.matches(payouts, Fingerprint.Legacy.PAYOUTS)).isTrue();
        assertThat(request.matches(ledger, Fingerprint.Legacy.TOPUPS)).as("each table's own form").isFalse();

        Fingerprint other = Fingerprint.of("capture").text("123").text("hld_2").money(null).legacy("all").text(null);
        assertThat(other.matches(ledger, Fingerprint.Legacy.LEDGER)).isFalse();
        assertThat(other.matches(payouts, Fingerprint.Legacy.PAYOUTS)).isFalse();
        assertThat(request.matches(null, Fingerprint.Legacy.LEDGER)).isFalse();
    }

    @Test
    void aVersionedValueIsNeverComparedTheOldWay() throws Exception {
        Fingerprint first = Fingerprint.of("t").text("a|b").text("c");
        Fingerprint colliding = Fingerprint.of("t").text("a").text("b|c");

        assertThat(first.matches(first.value(), Fingerprint.Legacy.LEDGER)).isTrue();
        assertThat(colliding.matches(first.value(), Fingerprint.Legacy.LEDGER)).isFalse();
        assertThat(colliding.matches(first.value(), Fingerprint.Legacy.PAYOUTS)).isFalse();
        // the old form of the colliding request is the first one's: only values stored before the upgrade carry it
        assertThat(colliding.matches(sha256Hex("t|a|b|c"), Fingerprint.Legacy.LEDGER)).isTrue();
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
