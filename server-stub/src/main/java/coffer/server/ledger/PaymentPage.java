package coffer.server.ledger;

import java.util.List;

/**
 * One page of a payer's payments, newest first.
 *
 * @param nextCursor where the next page starts, or null on the last page
 */
public record PaymentPage(List<Payment> payments, String nextCursor) {
    public PaymentPage {
        payments = List.copyOf(payments);
    }
}
