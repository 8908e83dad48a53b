package coffer.app.checkout;

import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.web.WebView;

/**
 * The part a top-up's and a withdrawal's screens share: the wallet and amount fields, the status and balance, and
 * the provider's page in its pane, shown while the flow has a page open. The page takes the focus when it opens, so
 * the user can type in it at once; Escape closes it as its close button does, from the page (whose browser would
 * otherwise keep the key) or from elsewhere on the screen (the close button is the screen's {@code cancelButton}).
 */
public final class ProviderPane {
    private ProviderPane() {
    }

    public static void bind(ProviderFlowViewModel flow, ComboBox<WalletRow> wallet, TextField amount, Labeled status,
                            Labeled balance, Node pane, WebView browser) {
        ScreenView.choice(wallet, flow.wallets, flow.wallet);
        amount.textProperty().bindBidirectional(flow.amount);
        status.textProperty().bind(flow.status);
        balance.textProperty().bind(flow.balance);
        pane.visibleProperty().bind(flow.pageUrl.isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        ProviderPage.attach(browser, flow.pageUrl, flow::pageNavigated, flow::pageLoaded);
        flow.pageUrl.addListener((o, was, now) -> {
            if (!now.isEmpty() && was.isEmpty()) {
                browser.requestFocus();
            }
        });
        pane.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                flow.closePage();
            }
        });
    }
}
