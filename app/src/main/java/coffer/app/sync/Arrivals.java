package coffer.app.sync;

import coffer.app.format.Amounts;
import coffer.app.i18n.Texts;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionKind;
import java.util.Set;

/**
 * Money that arrived, as the status bar and the toast tell of it: a completed movement into the user's wallet that
 * came from outside it (a top-up, a payment or a person's money, a refund), never the user's own transfer between
 * their wallets nor money going out.
 */
public final class Arrivals {
    private static final Set<String> FROM_OUTSIDE = Set.of(TransactionKind.TOPUP.wire(), TransactionKind.P2P.wire(),
            TransactionKind.PAYMENT.wire(), TransactionKind.REFUND.wire());

    private Arrivals() {
    }

    /** Whether {@code movement} is money that arrived. */
    public static boolean moneyIn(TransactionView movement) {
        return "in".equals(movement.direction()) && "completed".equals(movement.status())
                && FROM_OUTSIDE.contains(movement.kind());
    }

    /** "Received 25.00 USD from alice@example.com", in the user's language. */
    public static String words(TransactionView movement) {
        String amount = Amounts.format(movement.amount(), movement.currency());
        String from = movement.counterparty();
        return from == null || from.isBlank() ? Texts.text("arrival.received", amount)
                : Texts.text("arrival.receivedFrom", amount, from);
    }
}
