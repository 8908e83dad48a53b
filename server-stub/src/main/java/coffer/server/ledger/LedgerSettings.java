package coffer.server.ledger;

import java.time.Duration;

/**
 * Tuning of the ledger writer.
 *
 * @param maxBatch          most requests committed together (group commit)
 * @param holdSweepInterval how often due holds are expired; zero to sweep only on request
 * @param idempotencyTtl    how long idempotency keys are kept (at least 24 hours)
 */
public record LedgerSettings(int maxBatch, Duration holdSweepInterval, Duration idempotencyTtl) {

    public LedgerSettings {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        if (idempotencyTtl.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("idempotency keys must be kept at least 24 hours");
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(512, Duration.ofSeconds(5), Duration.ofHours(48));
    }

    public LedgerSettings withMaxBatch(int n) {
        return new LedgerSettings(n, holdSweepInterval, idempotencyTtl);
    }

    public LedgerSettings withHoldSweepInterval(Duration d) {
        return new LedgerSettings(maxBatch, d, idempotencyTtl);
    }
}
