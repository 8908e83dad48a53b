package coffer.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import coffer.app.i18n.Texts;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML (next to the view's class, same name) with the view as its controller and the texts of the
 * app's current language ({@link Texts}) for its {@code %key} references.
 */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Object view, String name) {
        URL url = view.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("No " + name + " next to " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url, Texts.bundle());
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
