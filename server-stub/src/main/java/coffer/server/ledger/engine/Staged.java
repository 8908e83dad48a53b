package coffer.server.ledger.engine;

import coffer.server.ledger.IdempotencyKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch's rows that are only ever written, never read back by a task: postings, audit entries,
 * idempotency answers, feature rows and opened wallets, each as a typed row until the flush.
 * (Movements, holds and accounts are staged by marking their loaded or new rows changed.)
 */
final class Staged {
    /** {@code signedMinor} credited (positive) or debited (negative) to {@code accountId}. */
    record Posting(String transactionId, String accountId, long signedMinor, String currency) {
    }

    record Audit(long at, String envId, String actor, String subjectType, String subjectId, String field,
                 String oldValue, String newValue, String reason) {
    }

    /** A success stored with its key ({@code response} non-null), or a refusal's key released (null). */
    record KeyAnswer(IdempotencyKey key, String response) {
    }

    /** A row of a feature's own table: strings and longs, none null. */
    record FeatureRow(List<Object> values) {
        FeatureRow {
            values.forEach(v -> Objects.requireNonNull(v, "a feature row value"));
            values = List.copyOf(values);
        }
    }

    final List<Posting> postings = new ArrayList<>();
    final List<Audit> audit = new ArrayList<>();
    final List<KeyAnswer> answers = new ArrayList<>();
    /** By INSERT statement, so the rows of one statement are sent together. */
    final Map<String, List<FeatureRow>> featureRows = new LinkedHashMap<>();
    /** User wallets that tasks inserted with their own SQL, with their owners. */
    final Map<String, String> openedWallets = new LinkedHashMap<>();
    boolean directWrites;

    boolean isEmpty() {
        return postings.isEmpty() && audit.isEmpty() && answers.isEmpty() && featureRows.isEmpty() && !directWrites;
    }
}
