package coffer.server.settlement;

import coffer.core.money.Money;

import java.time.Instant;

/**
 * A recurring settlement of a wallet to a saved bank account.
 *
 * @param minimum        a run settles nothing when the wallet's available balance is below this
 * @param amount         a fixed amount per run, or null to settle the whole available balance
 * @param nextSettlement when the next run is due; null once deactivated
 * @param lastOutcome    what the last run did: {@code settled <id>}, {@code skipped: ...} or {@code refused: CODE}
 */
public record Schedule(String id, String envId, String userId, String walletId, String bankAccountId, Frequency frequency,
                       Money minimum, Money amount, boolean active, Instant nextSettlement, Instant lastRunAt,
                       String lastOutcome, Instant createdAt) {
}
