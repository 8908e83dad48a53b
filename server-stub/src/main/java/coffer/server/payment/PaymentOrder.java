package coffer.server.payment;

import coffer.server.ledger.Fingerprint;
import coffer.core.money.Money;

import java.util.Objects;

/**
 * A payment as the payer asked for it, with its destination resolved to a wallet, before any ledger
 * rule is applied.
 *
 * @param userId              the payer; the source wallet must be theirs
 * @param destination         as the payer gave it (an email or a wallet id), kept with the payment
 * @param destinationWalletId the wallet that {@code destination} names
 * @param amount              a positive amount
 * @param metadata            the payer's free-form data as JSON text, or null
 */
public record PaymentOrder(String envId, String userId, String sourceWalletId, String destination,
                           String destinationWalletId, Money amount, String description, String metadata) {

    public PaymentOrder {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sourceWalletId, "sourceWalletId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(destinationWalletId, "destinationWalletId");
        Objects.requireNonNull(amount, "amount").requirePositive();
    }

    /** The request as the payer sent it: equal requests give equal text, whatever wallet the destination resolves to. */
    Fingerprint fingerprint() {
        return Fingerprint.of("payment").text(envId).text(userId).text(sourceWalletId).text(destination)
                .text(amount.currencyCode()).number(amount.minor()).text(description).text(metadata);
    }
}
