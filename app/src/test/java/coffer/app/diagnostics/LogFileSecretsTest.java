package coffer.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session with the bundled server fills the app's log file (its access log is there) but leaves no secret in it. */
class LogFileSecretsTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @Test
    void aSignInARefreshAndASignOutLeaveNoPasswordOrTokenInTheLogFile() throws Exception {
        List<String> accessTokens = new CopyOnWriteArrayList<>();
        List<String> refreshTokens = new CopyOnWriteArrayList<>();
        Interceptor bearers = chain -> {
            String authorization = chain.request().header("Authorization");
            if (authorization != null) {
                accessTokens.add(authorization.substring("Bearer ".length()));
            }
            return chain.proceed(chain.request());
        };
        ApiClient client = ApiClient.create(SERVER.baseUrl(), List.of(bearers));
        client.onRefreshToken(token -> {
            if (token != null) {
                refreshTokens.add(token);
            }
        });

        client.login(InProcessServer.ALICE, InProcessServer.PASSWORD);
        client.accounts();
        client.resume(refreshTokens.get(0));
        client.accounts();
        client.logout();

        assertThat(accessTokens).hasSizeGreaterThanOrEqualTo(2);
        assertThat(refreshTokens).hasSizeGreaterThanOrEqualTo(2);
        String log = Files.readString(LogSetup.file());
        assertThat(log).as("the bundled server's access log is in the app's file")
                .contains("POST /api/v1/auth/login 200", "POST /api/v1/auth/refresh 200", "GET /api/v1/accounts 200");
        List<String> secrets = new ArrayList<>(List.of(InProcessServer.PASSWORD, "Bearer "));
        secrets.addAll(accessTokens);
        secrets.addAll(refreshTokens);
        assertThat(log).doesNotContain(secrets.toArray(String[]::new));
    }
}
