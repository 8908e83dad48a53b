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
    PaymentView pay(String idempotencyKey, PaymentRequest request);
    PaymentView payment(String paymentId);
    TransferView transfer(String idempotencyKey, TransferRequest request);
}
