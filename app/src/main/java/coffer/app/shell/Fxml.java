package coffer.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (next to the view's class, same name) with the view as its controller. */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Object view, String name) {
        URL url = view.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("No " + name + " next to " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
