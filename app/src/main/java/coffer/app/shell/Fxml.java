package coffer.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import coffer.app.i18n.Texts;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
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
        return loadWithIds(view, name).root();
    }

    /** The loaded FXML's top node, and its nodes by {@code fx:id}. */
    public record Loaded(Parent root, Map<String, Object> ids) {
    }

    /** Loads as {@link #load} does, and hands back the nodes by {@code fx:id} as well. */
    public static Loaded loadWithIds(Object view, String name) {
        URL url = view.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("No " + name + " next to " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url, Texts.bundle());
        loader.setController(view);
        try {
            Parent root = loader.load();
            return new Loaded(root, Collections.unmodifiableMap(new HashMap<>(loader.getNamespace())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
