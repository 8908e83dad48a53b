package coffer.server.kyc;

import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A submission stays pending until the verifier decides, also across a restart. */
class KycResumeTest {
    @TempDir
    Path data;

    @Test
    void aPendingSubmissionBlocksAnotherAndIsDecidedAfterARestart() throws InterruptedException {
        String email = "slow@example.com";
        try (TestServer slow = TestServer.start(data, TestServer.settings().withKycDecisionDelay(Duration.ofHours(1)))) {
            Caller dora = slow.register(email);
            assertThat(dora.post("/api/v1/kyc/submissions", KycRoutesTest.submission("X1234567")).statusCode()).isEqualTo(202);
            assertThat(Caller.json(dora.get("/api/v1/kyc")).get("status").getAsString()).isEqualTo("pending");

            HttpResponse<String> again = dora.post("/api/v1/kyc/submissions", KycRoutesTest.submission("X7654321"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(Caller.errorCode(again)).isEqualTo("INVALID_STATUS_TRANSITION");
        }
        try (TestServer restarted = TestServer.start(data)) {
            Caller dora = restarted.login(email, "password-1234");
            assertThat(KycRoutesTest.decided(dora).get("status").getAsString()).isEqualTo("verified");
        }
    }
}
