package coffer.app.send;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static coffer.app.InProcessServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.StepExecutor;
import coffer.app.TestLocalUser;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.offline.LocalUser;
import coffer.app.wallet.WalletRow;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member pays from an organization's wallet on the Send screen, above the organization's approval threshold: the
 * screen says the payment awaits an owner's or admin's decision and stops watching it, rather than showing a raw
 * status or polling for days; the queued payment counts as sent, not failed; an owner's approval then settles it.
 */
class SendFromAnOrganizationTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static JsonObject call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String token(String email) throws IOException, InterruptedException {
        return call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").get("access_token").getAsString();
    }

    @Test
    void aPaymentAboveTheThresholdIsShownAsAwaitingApprovalAndSettlesOnceAnOwnerApproves() throws Exception {
        String alice = token(ALICE);
        JsonObject created = call("POST", "/api/v1/organizations", alice, "{\"name\":\"Trip\",\"currency\":\"USD\"}");
        String organization = created.getAsJsonObject("organization").get("id").getAsString();
        String wallet = created.getAsJsonObject("account").get("id").getAsString();
        call("POST", "/api/v1/organizations/" + organization + "/members", alice, "{\"email\":\"" + BOB + "\",\"role\":\"member\"}");
        call("PATCH", "/api/v1/organizations/" + organization, alice, "{\"approval_threshold\":\"10.00\"}");
        String alicesWallet = SERVER.signedIn(ALICE).accounts().stream()
                .filter(a -> a.organizationId() == null).findFirst().orElseThrow().id();
        call("POST", "/api/v1/payments", alice, "{\"source_wallet_id\":\"" + alicesWallet + "\",\"destination\":\"" + wallet
                + "\",\"amount\":\"50.00\",\"currency\":\"USD\"}");

        ApiClient bob = SERVER.signedIn(BOB);
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        LocalUser user = TestLocalUser.open(bob, executor, dir);
        SendViewModel send = new SendViewModel(bob, bob, executor, Duration.ofMillis(20), user.sender(), user.wallets());
        send.load();
        WalletRow teamWallet = send.wallets.stream().filter(w -> w.id().equals(wallet)).findFirst().orElseThrow();
        send.source.set(teamWallet);
        send.destination.set(ALICE);
        send.amount.set("20");
        send.review();
        send.confirm();

        assertThat(send.status.get()).isEqualTo("Awaiting approval: 20.00 USD to alice@example.com — an owner or admin"
                + " of the organization decides on it; the history shows how it ends.");
        assertThat(send.busy.get()).as("the screen no longer waits on it").isFalse();
        assertThat(send.error.get()).isEmpty();
        assertThat(send.unfinished).as("a payment awaiting approval is not a failure to show").isEmpty();
        JsonObject bobsPayments = call("GET", "/api/v1/payments", token(BOB), null);
        JsonObject paid = bobsPayments.getAsJsonArray("payments").get(0).getAsJsonObject();
        assertThat(paid.get("status").getAsString()).isEqualTo("pending_approval");
        String paymentId = paid.get("payment_id").getAsString();

        call("POST", "/api/v1/payments/" + paymentId + "/approve", alice, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"completed".equals(bob.payment(paymentId).status()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bob.payment(paymentId).status()).isEqualTo("completed");
        assertThat(bob.accounts().stream().filter(a -> a.id().equals(wallet)).findFirst().orElseThrow().balance())
                .isEqualTo("30.00");
    }

    @Test
    void aPaymentQueuedOfflineThatNeedsApprovalShowsAsAwaitingItOnceSentNotAsFailed() throws Exception {
        String alice = token(ALICE);
        JsonObject created = call("POST", "/api/v1/organizations", alice, "{\"name\":\"Band\",\"currency\":\"USD\"}");
        String organization = created.getAsJsonObject("organization").get("id").getAsString();
        String wallet = created.getAsJsonObject("account").get("id").getAsString();
        call("POST", "/api/v1/organizations/" + organization + "/members", alice, "{\"email\":\"" + BOB + "\",\"role\":\"member\"}");
        call("PATCH", "/api/v1/organizations/" + organization, alice, "{\"approval_threshold\":\"5.00\"}");
        String alicesWallet = SERVER.signedIn(ALICE).accounts().stream()
                .filter(a -> a.organizationId() == null).findFirst().orElseThrow().id();
        call("POST", "/api/v1/payments", alice, "{\"source_wallet_id\":\"" + alicesWallet + "\",\"destination\":\"" + wallet
                + "\",\"amount\":\"30.00\",\"currency\":\"USD\"}");

        ApiClient bob = SERVER.signedIn(BOB);
        StepExecutor executor = new StepExecutor();   // the outbox's retries wait for the test, not in a loop
        LocalUser user = TestLocalUser.open(bob, executor, dir);
        SendViewModel send = new SendViewModel(bob, bob, executor, Duration.ofMillis(20), user.sender(), user.wallets());
        send.load();
        send.source.set(send.wallets.stream().filter(w -> w.id().equals(wallet)).findFirst().orElseThrow());
        send.destination.set(ALICE);
        send.amount.set("12");
        send.review();
        SERVER.stop();
        try {
            send.confirm();
            assertThat(send.status.get()).isEqualTo("Queued — will be sent when Coffer is reachable: 12.00 USD to alice@example.com");
        } finally {
            SERVER.startAgain();
        }

        executor.runScheduled();   // the outbox's retry, Coffer back

        assertThat(send.status.get()).startsWith("Awaiting approval: 12.00 USD to alice@example.com");
        assertThat(send.error.get()).isEmpty();
        assertThat(send.unfinished).as("sent, waiting for a decision: not a failure").isEmpty();
        assertThat(bob.accounts().stream().filter(a -> a.id().equals(wallet)).findFirst().orElseThrow().availableBalance())
                .as("the money is held while it waits").isEqualTo("18.00");
    }
}
