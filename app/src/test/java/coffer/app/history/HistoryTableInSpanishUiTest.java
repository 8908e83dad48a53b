package coffer.app.history;

import coffer.app.i18n.Texts;
import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** {@link HistoryTableUiTest} with the app speaking Spanish, whose kinds, dates and labels run longer. */
class HistoryTableInSpanishUiTest extends HistoryTableUiTest {
    @Override
    Locale language() {
        return Texts.SPANISH;
    }

    // TestFX calls the @Start and @Stop methods the test class declares itself, not those it inherits

    @Start
    @Override
    void start(Stage stage) {
        super.start(stage);
    }

    @Stop
    @Override
    void stop() {
        super.stop();
    }
}
