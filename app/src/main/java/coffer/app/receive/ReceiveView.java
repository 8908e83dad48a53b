package coffer.app.receive;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The Receive screen: the wallet to be paid into, its id and the user's email to copy, and a payment request
 * for an optional amount and note as a QR code and as text; binds and forwards, and paints the QR code.
 */
public final class ReceiveView extends ScreenView<ReceiveViewModel> {
    /** About how wide the QR code shows: each module is a whole number of pixels, so it stays sharp. */
    private static final int QR_SIDE = 264;
    private static final int DARK = 0xFF000000;
    private static final int LIGHT = 0xFFFFFFFF;

    @FXML private ComboBox<WalletRow> wallet;
    @FXML private TextField walletId;
    @FXML private TextField email;
    @FXML private Label emailLabel;
    @FXML private HBox emailRow;
    @FXML private TextField amount;
    @FXML private TextField note;
    @FXML private TextField link;
    @FXML private Button copyRequest;
    @FXML private ImageView qr;

    public ReceiveView(ReceiveViewModel viewModel) {
        super(viewModel, "Receive.fxml");
    }

    @FXML
    private void initialize() {
        choice(wallet, viewModel.wallets, viewModel.wallet);
        wallet.setConverter(new StringConverter<>() {
            @Override
            public String toString(WalletRow row) {
                return row == null ? "" : Texts.text("receive.walletChoice", row.currency(), row.available());
            }

            @Override
            public WalletRow fromString(String text) {
                return null;
            }
        });
        walletId.textProperty().bind(viewModel.walletId);
        email.textProperty().bind(viewModel.email);
        // an organization's wallet is paid by its id: a payment to the user's email would reach their own wallet
        for (Node node : List.of(emailLabel, emailRow)) {
            node.visibleProperty().bind(viewModel.email.isNotEmpty());
            node.managedProperty().bind(viewModel.email.isNotEmpty());
        }
        amount.textProperty().bindBidirectional(viewModel.amount);
        note.textProperty().bindBidirectional(viewModel.note);
        link.textProperty().bind(viewModel.link);
        copyRequest.disableProperty().bind(viewModel.valid.not());
        qr.setSmooth(false);
        qr.accessibleTextProperty().bind(viewModel.qrDescription);
        viewModel.qr.addListener((o, was, now) -> paint(now));
        paint(viewModel.qr.get());
        viewModel.load();
    }

    /** Paints the code module by module, each a square of whole pixels, dark on white whatever the theme. */
    private void paint(QrCode code) {
        if (code == null) {
            qr.setImage(null);
            return;
        }
        int scale = Math.max(1, QR_SIDE / code.size());
        int side = code.size() * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = code.dark(x / scale, y / scale) ? DARK : LIGHT;
            }
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), pixels, 0, side);
        qr.setImage(image);
    }

    @FXML
    private void copyWalletId() {
        copy(ReceiveViewModel.Copy.WALLET_ID);
    }

    @FXML
    private void copyEmail() {
        copy(ReceiveViewModel.Copy.EMAIL);
    }

    @FXML
    private void copyRequest() {
        copy(ReceiveViewModel.Copy.REQUEST);
    }

    private void copy(ReceiveViewModel.Copy what) {
        viewModel.copy(what).ifPresent(text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
