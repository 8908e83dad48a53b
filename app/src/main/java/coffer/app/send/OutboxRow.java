package coffer.app.send;

import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxEntry;

/**
 * An operation of the outbox as the list of unfinished ones shows it, in the app's language (from what was asked,
 * not from the words saved with it).
 *
 * @param failed true when the server refused it ({@code text} then says why)
 */
public record OutboxRow(String clientId, String text, boolean failed) {
    static OutboxRow of(OutboxEntry entry) {
        String what = what(entry);
        return switch (entry.state()) {
            case FAILED -> new OutboxRow(entry.clientId(), Texts.text("send.outbox.failed", what, Problems.refusal(entry.errorCode(), entry.errorMessage())), true);
            case SENDING -> new OutboxRow(entry.clientId(), Texts.text("send.outbox.sending", what), false);
            default -> new OutboxRow(entry.clientId(), queued(what), false);
        };
    }

    /** "Queued — will be sent when Coffer is reachable: {@code what}". */
    static String queued(String what) {
        return Texts.text("send.outbox.queued", what);
    }

    private static String what(OutboxEntry entry) {
        if (entry.kind() == OutboxEntry.Kind.PAYMENT) {
            var payment = Outbox.payment(entry);
            return Texts.text("send.outbox.payment", Amounts.format(payment.amount(), payment.currency()),
                    payment.destination());
        }
        var transfer = Outbox.transfer(entry);
        return Texts.text("send.outbox.transfer", Amounts.format(transfer.amount(), transfer.currency()));
    }

    @Override
    public String toString() {
        return text;
    }
}
