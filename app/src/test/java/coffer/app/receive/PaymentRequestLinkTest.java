package coffer.app.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.core.money.Money;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A payment request survives the trip through text and through a QR code, and odd text carries none. */
class PaymentRequestLinkTest {
    private static final PaymentRequestLink FULL = new PaymentRequestLink("wal_01KBF3N2XYZ", "alice@example.com",
            Money.parse("12.50", "USD"), "Dinner & drinks — 50/50 ✓");

    @Test
    void aRequestReadsBackFromItsTextAndFromItsQrCode() throws Exception {
        String text = FULL.text();
        assertThat(text).startsWith("coffer:pay?to=wal_01KBF3N2XYZ&email=alice%40example.com&amount=12.50&currency=USD&note=");
        assertThat(PaymentRequestLink.parse(text)).contains(FULL);

        String scanned = scan(QrCode.of(text));
        assertThat(scanned).isEqualTo(text);
        assertThat(PaymentRequestLink.parse(scanned)).contains(FULL);
    }

    @Test
    void onlyTheWalletIsRequired() {
        PaymentRequestLink bare = new PaymentRequestLink("wal_abc", null, null, "  ");
        assertThat(bare.text()).isEqualTo("coffer:pay?to=wal_abc");
        assertThat(PaymentRequestLink.parse(bare.text())).contains(bare);
        assertThat(PaymentRequestLink.parse("COFFER:pay?to=wal_abc&added_later=1")).as("unknown parameters are ignored")
                .contains(bare);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "https://example.com/?to=wal_abc", "coffer:pay?", "coffer:pay?to=bob@example.com",
            "coffer:pay?to=wal_abc&to=wal_def", "coffer:pay?to=wal_abc&amount=5", "coffer:pay?to=wal_abc&amount=1.234&currency=USD",
            "coffer:pay?to=wal_abc&amount=-5&currency=USD", "coffer:pay?to=wal_abc&amount=0&currency=USD",
            "coffer:pay?to=wal_abc&amount=5&currency=usd", "coffer:pay?to=wal_abc&email=not-an-email",
            "coffer:pay?to=wal_abc&note=%ZZ", "coffer:pay?to=wal_abc&=x", "coffer:pay?to"})
    void textThatIsNoValidRequestCarriesNone(String text) {
        assertThat(PaymentRequestLink.parse(text)).isEmpty();
    }

    @Test
    void tooLongANoteOrTextIsRefused() {
        assertThatThrownBy(() -> new PaymentRequestLink("wal_abc", null, null, "x".repeat(141)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PaymentRequestLink.parse("coffer:pay?to=wal_abc&note=" + "x".repeat(1_100))).isEmpty();
    }

    /** What a camera reads: the code drawn at 4 pixels a module, decoded by ZXing's reader. */
    private static String scan(QrCode code) throws Exception {
        int scale = 4;
        int side = code.size() * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = code.dark(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }
}
