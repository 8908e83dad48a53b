package coffer.app.local;

import java.time.Instant;
import java.util.Set;

/**
 * What the history screen asks the local ledger for; every part is optional (null or empty: no filter).
 *
 * @param walletId  the wallet whose side the movements are shown from; null: all the user's wallets
 * @param kinds     wire names of the kinds to keep
 * @param statuses  wire names of the statuses to keep
 * @param from      created at or after (inclusive)
 * @param to        created before (exclusive)
 * @param minMinor  amount at least, in minor units
 * @param maxMinor  amount at most, in minor units
 * @param text      found in the description, reference, counterparty or id (case-insensitive)
 */
public record LedgerFilter(String walletId, Set<String> kinds, Set<String> statuses, Instant from, Instant to,
                           Long minMinor, Long maxMinor, String text) {
    public LedgerFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** Everything of one wallet (null: of all wallets). */
    public static LedgerFilter wallet(String walletId) {
        return new LedgerFilter(walletId, Set.of(), Set.of(), null, null, null, null, null);
    }
}
