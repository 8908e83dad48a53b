package coffer.app.history;

import coffer.app.format.Amounts;
import coffer.core.api.TransactionTypes.TransactionView;

/**
 * One line of a wallet's history as the table shows it.
 *
 * @param amount signed for the wallet: "-25.00 USD" out, "+25.00 USD" in
 * @param date   the instant as the API gives it, trimmed to minutes
 */
public record HistoryRow(String id, String date, String kind, String counterparty, String amount, String status,
                         String description) {

    static HistoryRow of(TransactionView t) {
        String sign = "out".equals(t.direction()) ? "-" : "+";
        String when = t.createdAt() == null ? "" : t.createdAt().replace('T', ' ');
        return new HistoryRow(t.id(), when.length() > 16 ? when.substring(0, 16) : when, t.kind(),
                t.counterparty() == null ? "" : t.counterparty(), sign + Amounts.format(t.amount(), t.currency()),
                t.status(), t.description() == null ? "" : t.description());
    }
}
