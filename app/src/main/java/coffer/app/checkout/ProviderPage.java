package coffer.app.checkout;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A provider's hosted page (checkout, payout) in the app's WebView: shows the address a ViewModel
 * publishes, and tells it where the browser went and which page finished loading.
 */
public final class ProviderPage {
    private ProviderPage() {
    }

    /**
     * @param url         the page to show; empty closes it
     * @param onNavigated each address the browser moves to, redirects included
     * @param onLoaded    each address whose page finished loading
     */
    public static void attach(WebView browser, ObservableStringValue url, Consumer<String> onNavigated,
                              Consumer<String> onLoaded) {
        WebEngine engine = browser.getEngine();
        engine.locationProperty().addListener((o, was, now) -> onNavigated.accept(now));
        engine.getLoadWorker().stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                onLoaded.accept(engine.getLocation());
            }
        });
        url.addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                engine.load(now);
            } else {
                // a page closes from inside WebKit's redirect callback; leaving it there crashes WebKit,
                // so the blank page waits for the callback to return
                Platform.runLater(() -> engine.load("about:blank"));
            }
        });
    }
}
