package coffer.server.ledger.feed;

import coffer.server.ledger.Movement;
import coffer.core.ledger.TransactionStatus;

import java.util.List;

/**
 * A stretch of the change feed's movement versions, for a reader that keeps its own position in it
 * (the webhook dispatcher): whole commits after its position, up to {@code upTo}.
 *
 * @param upTo the last commit read; the reader's next position
 * @param more whether commits after {@code upTo} were left for the next read
 */
public record MovementVersions(List<Version> versions, long upTo, boolean more) {
    public MovementVersions {
        versions = List.copyOf(versions);
    }

    /**
     * A movement as commit {@code seq} left it.
     *
     * @param previousStatus what it was before that commit, or null for a movement the commit created
     */
    public record Version(long seq, Movement movement, TransactionStatus previousStatus) {
    }
}
