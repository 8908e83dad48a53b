package coffer.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsViewModelTest {
    @TempDir
    Path home;
    private final List<Boolean> saves = new ArrayList<>();

    private SettingsViewModel viewModel() {
        return new SettingsViewModel(AppSettings.load(home), saves::add);
    }

    @Test
    void withNothingConfiguredTheBundledServerIsUsed() {
        assertThat(viewModel().useBundledServerProperty().get()).isTrue();
        assertThat(AppSettings.load(home).serverUrl()).isEmpty();
    }

    @Test
    void aServerUrlIsKeptForTheNextStart() {
        SettingsViewModel viewModel = viewModel();
        viewModel.useBundledServerProperty().set(false);
        viewModel.serverUrlProperty().set(" https://coffer.example.com ");
        viewModel.darkThemeProperty().set(true);

        viewModel.save();

        assertThat(saves).containsExactly(true);
        AppSettings reloaded = AppSettings.load(home);
        assertThat(reloaded.serverUrl()).contains("https://coffer.example.com");
        assertThat(reloaded.darkTheme()).isTrue();
        assertThat(viewModel().useBundledServerProperty().get()).isFalse();
        assertThat(viewModel().serverUrlProperty().get()).isEqualTo("https://coffer.example.com");
    }

    @Test
    void goingBackToTheBundledServerForgetsTheUrl() {
        AppSettings.load(home).setServerUrl("http://localhost:8080");
        SettingsViewModel viewModel = viewModel();

        viewModel.useBundledServerProperty().set(true);
        viewModel.save();

        assertThat(AppSettings.load(home).serverUrl()).isEmpty();
        assertThat(saves).containsExactly(true);
    }

    @Test
    void savingOnlyTheThemeKeepsTheConnection() {
        SettingsViewModel viewModel = viewModel();
        viewModel.darkThemeProperty().set(true);

        viewModel.save();

        assertThat(saves).containsExactly(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "coffer.example.com", "ftp://coffer.example.com", "http://", "http://bad host"})
    void aBadUrlIsRefusedAndNothingIsSaved(String url) {
        SettingsViewModel viewModel = viewModel();
        viewModel.useBundledServerProperty().set(false);
        viewModel.serverUrlProperty().set(url);

        viewModel.save();

        assertThat(viewModel.errorProperty().get()).startsWith("Enter the server's address");
        assertThat(saves).isEmpty();
        assertThat(AppSettings.load(home).serverUrl()).isEmpty();
    }
}
