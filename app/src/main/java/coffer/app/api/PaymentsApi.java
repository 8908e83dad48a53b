package coffer.app.api;

import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.api.TransferTypes.TransferView;

/**
 * Money sent to another user, and moved between the user's own wallets.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface PaymentsApi {
    /** Places a payment; the same key for a retry of the same user action. */
    PaymentView pay(String idempotencyKey, PaymentRequest request);
    PaymentView payment(String paymentId);
    /** Moves money between the user's own wallets; the same key for a retry of the same user action. */
    TransferView transfer(String idempotencyKey, TransferRequest request);
}
