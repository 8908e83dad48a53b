package coffer.app.home;

import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Times;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One recent movement as Home shows it, every word in the user's language.
 *
 * @param when   the local date and time it was made
 * @param kind   what it was: "Sent to a person", "Top-up"
 * @param with   the other side (an email), else its note; empty when neither is known
 * @param amount signed for the user: "-25.00 USD" out, "+25.00 USD" in
 * @param status its status: "Completed", "Pending"
 */
public record RecentMovement(String id, String when, String kind, String with, String amount, String status) {

    static RecentMovement of(TransactionView t, ZoneId zone) {
        String sign = "out".equals(t.direction()) ? "-" : "+";
        String with = t.counterparty() != null && !t.counterparty().isBlank() ? t.counterparty()
                : t.description() == null ? "" : t.description();
        String when = t.createdAt() == null || t.createdAt().isBlank() ? "" : Times.dateTime(Instant.parse(t.createdAt()), zone);
        return new RecentMovement(t.id(), when, Names.kind(t.kind()), with, sign + Amounts.format(t.amount(), t.currency()),
                Names.status(t.status()));
    }
}
