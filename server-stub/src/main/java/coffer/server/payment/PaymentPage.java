package coffer.server.payment;

import coffer.server.db.Keyset;

import java.util.List;

/**
 * One page of a payer's payments, newest first.
 *
 * @param next where the next page starts, or null on the last page
 */
public record PaymentPage(List<Payment> payments, Keyset next) {
    public PaymentPage {
        payments = List.copyOf(payments);
    }
}
