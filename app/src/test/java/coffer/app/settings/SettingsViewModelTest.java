package coffer.app.settings;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    @TempDir
    Path home;
    private final List<Boolean> saves = new ArrayList<>();
    private final Locale language = Texts.locale();

    @AfterEach
    void speakAsBefore() {
        Texts.use(language);
    }

    private SettingsViewModel viewModel() {
        return viewModel(AppSettings.load(home));
    }

    private SettingsViewModel viewModel(AppSettings settings) {
        return new SettingsViewModel(settings, BackgroundExecutor.sameThread(), saves::add);
    }

    @Test
    void withNothingConfiguredTheBundledServerIsUsed() {
        assertThat(viewModel().useBundledServer.get()).isTrue();
        assertThat(AppSettings.load(home).serverUrl()).isEmpty();
    }

    @Test
    void aServerUrlIsKeptForTheNextStart() {
        SettingsViewModel viewModel = viewModel();
        viewModel.useBundledServer.set(false);
        viewModel.serverUrl.set(" https://coffer.example.com ");
        viewModel.darkTheme.set(true);

        viewModel.save();

        assertThat(saves).containsExactly(true);
        AppSettings reloaded = AppSettings.load(home);
        assertThat(reloaded.serverUrl()).contains("https://coffer.example.com");
        assertThat(reloaded.darkTheme()).isTrue();
        assertThat(viewModel().useBundledServer.get()).isFalse();
        assertThat(viewModel().serverUrl.get()).isEqualTo("https://coffer.example.com");
    }

    @Test
    void goingBackToTheBundledServerForgetsTheUrl() {
        AppSettings.load(home).setServerUrl("http://localhost:8080");
        SettingsViewModel viewModel = viewModel();

        viewModel.useBundledServer.set(true);
        viewModel.save();

        assertThat(AppSettings.load(home).serverUrl()).isEmpty();
        assertThat(saves).containsExactly(true);
    }

    @Test
    void savingOnlyTheThemeKeepsTheConnection() {
        SettingsViewModel viewModel = viewModel();
        viewModel.darkTheme.set(true);

        viewModel.save();

        assertThat(saves).containsExactly(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "coffer.example.com", "ftp://coffer.example.com", "http://", "http://bad host"})
    void aBadUrlIsRefusedAndNothingIsSaved(String url) {
        SettingsViewModel viewModel = viewModel();
        viewModel.useBundledServer.set(false);
        viewModel.serverUrl.set(url);

        viewModel.save();

        assertThat(viewModel.error.get()).startsWith("Enter the server's address");
        assertThat(saves).isEmpty();
        assertThat(AppSettings.load(home).serverUrl()).isEmpty();
    }

    @Test
    void theLanguageChosenIsSavedSpokenAtOnceAndRestoredAtTheNextStart() {
        AppSettings settings = AppSettings.load(home);
        List<String> told = new ArrayList<>();
        settings.languageProperty().addListener((o, was, now) -> told.add(now + " in " + Texts.locale()));
        SettingsViewModel viewModel = viewModel(settings);
        assertThat(viewModel.language.get()).as("until the user chooses").isEqualTo(Language.SYSTEM);

        viewModel.language.set(Language.SPANISH);
        viewModel.save();

        assertThat(Texts.locale()).isEqualTo(Texts.SPANISH);
        assertThat(told).as("the main window is told once the texts are Spanish").containsExactly("Español in es");
        assertThat(viewModel.notice.get()).isEqualTo("Guardado. Las pantallas que abras desde ahora usan el nuevo idioma.");
        assertThat(saves).containsExactly(false);

        Texts.use(Texts.ENGLISH);
        AppSettings restarted = AppSettings.load(home);
        assertThat(viewModel(restarted).language.get()).isEqualTo(Language.SPANISH);
        restarted.applyLanguage();
        assertThat(Texts.locale()).as("spoken from the start").isEqualTo(Texts.SPANISH);
    }

    @Test
    void goingBackToTheSystemLanguageSpeaksTheSystems() {
        AppSettings.load(home).setLanguage(Language.SPANISH);
        SettingsViewModel viewModel = viewModel();

        viewModel.language.set(Language.SYSTEM);
        viewModel.save();

        assertThat(Texts.locale()).as("the tests' system speaks English").isEqualTo(Texts.ENGLISH);
        assertThat(AppSettings.load(home).language()).isEqualTo(Language.SYSTEM);
        assertThat(viewModel.notice.get()).isEqualTo("Saved. Screens you open from now on use the new language.");
    }

    @Test
    void savingTheSameLanguageOnlySaysSaved() {
        SettingsViewModel viewModel = viewModel();

        viewModel.save();

        assertThat(viewModel.notice.get()).isEqualTo("Saved.");
        assertThat(AppSettings.load(home).language()).isEqualTo(Language.SYSTEM);
    }

    @Test
    void aBadUrlIsExplainedInSpanishToASpanishUser() {
        Texts.use(Texts.SPANISH);
        SettingsViewModel viewModel = viewModel();
        viewModel.useBundledServer.set(false);
        viewModel.serverUrl.set("coffer.example.com");

        viewModel.save();

        assertThat(viewModel.error.get()).startsWith("Escribe la dirección del servidor");
    }
}
