package coffer.server.payment;

import coffer.core.money.Money;

import java.util.Objects;

/**
 * A payment request with its shape checked by the controller, before the service resolves where it goes.
 *
 * @param destination an email or a wallet id, stripped
 * @param description at most {@link PaymentRoutes#MAX_DESCRIPTION} characters, or null
 * @param metadata    the payer's free-form data as JSON text of at most {@link PaymentRoutes#MAX_METADATA_CHARS}, or null
 */
record PaymentDraft(Money amount, String sourceWalletId, String destination, String description, String metadata) {
    PaymentDraft {
        Objects.requireNonNull(amount, "amount").requirePositive();
        Objects.requireNonNull(sourceWalletId, "sourceWalletId");
        Objects.requireNonNull(destination, "destination");
    }
}
