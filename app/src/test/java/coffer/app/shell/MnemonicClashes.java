package coffer.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.input.Mnemonic;

/**
 * The Alt+letter keys one window offers twice: two controls showing at once (the menu bar's menus among them) whose
 * mnemonics share a letter. Alt+that letter then only moves between them, so a keyboard user cannot reach either in
 * one stroke, and a screen reader announces the same key for both.
 */
final class MnemonicClashes {
    private MnemonicClashes() {
    }

    /** Each clash on the scene as "Alt+F: _File, _From"; read on the FX thread. */
    static List<String> in(Scene scene) {
        Map<String, List<String>> byKey = new TreeMap<>();
        scene.getMnemonics().values().forEach(list -> list.forEach(mnemonic -> {
            if (showing(mnemonic.getNode(), scene)) {
                byKey.computeIfAbsent(key(mnemonic), k -> new ArrayList<>()).add(name(mnemonic.getNode()));
            }
        }));
        menuBar(scene.getRoot()).ifPresent(bar -> bar.getMenus().forEach(menu -> {
            String text = menu.getText();
            int at = text.indexOf('_');
            if (at >= 0 && at + 1 < text.length()) {
                byKey.computeIfAbsent("Alt+" + Character.toUpperCase(text.charAt(at + 1)), k -> new ArrayList<>())
                        .add("the " + text + " menu");
            }
        }));
        List<String> clashes = new ArrayList<>();
        byKey.forEach((key, names) -> {
            if (names.size() > 1) {
                clashes.add(key + ": " + String.join(", ", names));
            }
        });
        return clashes;
    }

    private static String key(Mnemonic mnemonic) {
        return "Alt+" + mnemonic.getKeyCombination().getName().replaceAll(".*\\+", "").toUpperCase(Locale.ROOT);
    }

    private static String name(Node node) {
        return node instanceof Labeled labeled ? labeled.getText() : node.getId() == null ? node.toString() : "#" + node.getId();
    }

    private static boolean showing(Node node, Scene scene) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() == scene;
    }

    private static java.util.Optional<MenuBar> menuBar(Node root) {
        if (root instanceof MenuBar bar) {
            return java.util.Optional.of(bar);
        }
        if (root instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                java.util.Optional<MenuBar> found = menuBar(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }
}
