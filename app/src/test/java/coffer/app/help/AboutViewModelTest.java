package coffer.app.help;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** About Coffer: the app's version from the build, the server's from its /health, and the rest to copy. */
class AboutViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path home;

    @Test
    void showsTheAppsVersionAndAsksTheServerForItsOwn() {
        ApiClient client = SERVER.client();
        AboutViewModel about = new AboutViewModel(BackgroundExecutor.sameThread(), client, home, home.resolve("logs"));

        about.load();

        assertThat(about.appVersion()).as("the Maven project's version, filtered into the build")
                .isNotEqualTo("dev").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(about.serverVersion.get()).as("from GET /health")
                .isEqualTo(coffer.server.Version.current()).isNotEqualTo("dev");
        assertThat(about.serverAddress()).isEqualTo(client.baseUrl()).startsWith("http://localhost:");
        assertThat(about.javaVersion()).startsWith(Integer.toString(Runtime.version().feature()));
        assertThat(about.summary())
                .contains("App version: " + about.appVersion())
                .contains("Server version: " + coffer.server.Version.current())
                .contains("Server address: " + client.baseUrl())
                .contains("Java: ")
                .contains("JavaFX: ")
                .contains("Data folder: " + home.toAbsolutePath())
                .contains("Log folder: " + home.resolve("logs").toAbsolutePath());
    }

    @Test
    void aServerThatCannotBeReachedIsSaidSo() {
        ApiClient nowhere = ApiClient.create("http://127.0.0.1:9");
        AboutViewModel about = new AboutViewModel(BackgroundExecutor.sameThread(), nowhere, home, home);

        about.load();

        assertThat(about.serverVersion.get()).startsWith("Not known: ").contains("cannot be reached");
    }

    @Test
    void beforeAnyConnectionTheServerIsNotConnected() {
        AboutViewModel about = new AboutViewModel(BackgroundExecutor.sameThread(), null, home, home);

        about.load();

        assertThat(about.serverVersion.get()).isEqualTo("Not connected");
        assertThat(about.serverAddress()).isEqualTo("Not connected");
    }

    @Test
    void theLogFolderOpensInTheFileManagerOrSaysWhyNot() {
        List<Path> opened = new ArrayList<>();
        Path logs = home.resolve("logs");
        new AboutViewModel(BackgroundExecutor.sameThread(), null, home, logs, opened::add).openLogFolder();
        assertThat(opened).containsExactly(logs.toAbsolutePath());

        AboutViewModel failing = new AboutViewModel(BackgroundExecutor.sameThread(), null, home, logs, folder -> {
            throw new IOException("no file manager");
        });
        failing.openLogFolder();
        assertThat(failing.error.get()).startsWith("The folder cannot be opened: ");

        assertThat(AboutViewModel.openCommand("Mac OS X", logs)).containsExactly("open", logs.toString());
        assertThat(AboutViewModel.openCommand("Windows 11", logs)).containsExactly("explorer", logs.toString());
        assertThat(AboutViewModel.openCommand("Linux", logs)).containsExactly("xdg-open", logs.toString());
    }
}
