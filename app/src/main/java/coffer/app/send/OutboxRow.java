package coffer.app.send;

import coffer.app.local.OutboxEntry;

/**
 * An operation of the outbox as the list of unfinished ones shows it.
 *
 * @param failed true when the server refused it ({@code text} then says why)
 */
public record OutboxRow(String clientId, String text, boolean failed) {
    static final String QUEUED = "Queued — will be sent when Coffer is reachable";

    static OutboxRow of(OutboxEntry entry) {
        String what = entry.kind() == OutboxEntry.Kind.PAYMENT ? "Payment of " : "Transfer of ";
        return switch (entry.state()) {
            case FAILED -> new OutboxRow(entry.clientId(),
                    "Failed: " + what + entry.summary() + " — " + entry.errorMessage(), true);
            case SENDING -> new OutboxRow(entry.clientId(), "Sending: " + what + entry.summary(), false);
            default -> new OutboxRow(entry.clientId(), QUEUED + ": " + what + entry.summary(), false);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
