package coffer.server.cli;

import coffer.core.error.Result;
import coffer.server.db.Database;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.tenant.Tenants;
import coffer.server.webhook.TestWebhooks;
import coffer.server.webhook.WebhookEvent;
import coffer.server.webhook.WebhookSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;

/**
 * {@code trigger EVENT --env ID}: sends one signed test webhook of type {@code EVENT} to the environment's
 * webhook URL, as {@code stripe trigger} does, so a partner can try their receiver without moving money.
 * It is signed with the environment's active secrets and sent through the same client and URL checks as
 * every delivery ({@link TestWebhooks}); it is marked {@code "test": true} with ids beginning
 * {@code evt_test_}, and leaves nothing in the ledger or the delivery log. Prints the receiver's HTTP status;
 * exits 0 when it answered 2xx, 1 otherwise (or when the environment cannot receive webhooks), 2 for bad usage.
 * A receiver on this machine or a private network needs {@code --allow-private-webhooks}, the flag
 * {@code serve} takes for the same purpose.
 */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Send a signed test webhook of type EVENT to an environment's webhook URL, as real deliveries are sent "
                + "(nothing moves, nothing is stored); exit 0 when the receiver answers 2xx.")
public final class TriggerCommand extends Operator<TestWebhooks.Sent> {
    @Parameters(index = "0", paramLabel = "EVENT", description = "The event type, such as topup.completed or p2p.failed.")
    String type;

    @Mixin
    EnvScope scope;

    @Option(names = "--allow-private-webhooks", description = "Let the URL name loopback, private and link-local addresses "
            + "(a receiver on this machine or network), as 'serve --allow-private-webhooks' does; without it such a URL is refused.")
    boolean allowPrivate;

    @Override
    void check() {
        if (!WebhookEvent.types().contains(type)) {
            throw usage("Unknown event type '" + type + "'. The event types are:\n  " + String.join("\n  ", WebhookEvent.types()));
        }
    }

    @Override
    Result<TestWebhooks.Sent> change(Database database, LedgerService ledger) {
        WebhookSettings settings = allowPrivate ? WebhookSettings.defaults().allowingPrivateTargets() : WebhookSettings.defaults();
        return TestWebhooks.send(new Tenants(ledger), new EnvId(scope.envId), type, settings, Clock.systemUTC());
    }

    @Override
    String done(TestWebhooks.Sent sent) {
        String answer = sent.status() == null ? "no answer (" + sent.error() + ")"
                : "HTTP " + sent.status() + (sent.acknowledged() ? "" : " (not acknowledged: only a 2xx answer is)");
        return "Sent test event " + sent.eventId() + " (" + sent.type() + ") to " + sent.url() + ": " + answer;
    }

    @Override
    int exitCode(TestWebhooks.Sent sent) {
        return sent.acknowledged() ? 0 : REFUSED;
    }
}
