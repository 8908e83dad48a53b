package coffer.app;

import static coffer.app.InProcessServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import coffer.app.api.ApiClient;
import java.util.concurrent.ExecutionException;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The API client, as the app builds it, refuses to call the server from the real FX application thread. */
@ExtendWith(ApplicationExtension.class)
class NoNetworkOnFxThreadTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @Test
    void aCallOnTheFxThreadIsRefusedWithAClearMessageAndTheSameCallWorksOffIt() {
        FxThreadGuard guard = new FxThreadGuard();
        ApiClient client = ApiClient.create(SERVER.baseUrl(), guard);
        client.login(ALICE, InProcessServer.PASSWORD);

        Throwable thrown = catchThrowable(() -> WaitForAsyncUtils.asyncFx(client::accounts).get());

        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("network call on the FX thread refused: GET /api/v1/accounts "
                        + "(run it through the BackgroundExecutor)");
        assertThat(guard.refused()).isEqualTo(1);
        assertThat(client.accounts()).as("the same call off the FX thread").isNotEmpty();
        assertThat(guard.refused()).isEqualTo(1);
    }
}
