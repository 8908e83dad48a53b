package coffer.app.shell;

import coffer.app.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * {@link ScreenshotsUiTest}'s run again with the app speaking Spanish from its start, as it does on a Spanish
 * system: every screen to {@code target/screenshots/es/<screen>.png}.
 */
class ScreenshotsInSpanishUiTest extends ScreenshotsUiTest {
    private static final String FOLDER = "coffer.screenshots";
    private String folder;
    private Locale language;

    @Start
    @Override
    void start(Stage stage) {
        folder = System.getProperty(FOLDER);
        language = Texts.locale();
        Path spanish = Path.of(folder == null ? "target/screenshots" : folder, "es");
        try {
            Files.createDirectories(spanish);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(FOLDER, spanish.toString());
        Texts.use(Texts.SPANISH);
        super.start(stage);
    }

    @Stop
    @Override
    void stop() {
        try {
            super.stop();
        } finally {
            Texts.use(language);
            if (folder == null) {
                System.clearProperty(FOLDER);
            } else {
                System.setProperty(FOLDER, folder);
            }
        }
    }
}
