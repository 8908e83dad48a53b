package coffer.server.gateway;

import coffer.core.error.Result;
import coffer.core.money.Money;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Coffer's side of the card/bank provider: everything Coffer asks a provider to do. The bundled
 * simulator ({@code coffer.server.provider}) is one implementation, reached over HTTP like a real
 * provider would be; an adapter for a real provider implements the same interface.
 *
 * <p>Calls answer what the provider said at once. Final outcomes (a checkout paid, a payout that
 * finished later) also arrive as signed {@link ProviderEvent}s on Coffer's provider webhook, and the
 * webhook is the source of truth: money moves only when an event (or a synchronous final answer) says
 * so, each exactly once, keyed by the provider's {@code reference} (Coffer's own id for the operation).
 * A provider that cannot be reached, or answers an error, gives {@code PROVIDER_ERROR}.
 */
public interface PaymentProvider {

    /**
     * The provider of a server that has none ({@code serve} without {@code --provider}): every call is
     * refused with {@code PROVIDER_UNAVAILABLE}, and {@link #requireAvailable()} throws it.
     */
    static PaymentProvider none() {
        return NoProvider.INSTANCE;
    }

    /**
     * Throws {@code PROVIDER_UNAVAILABLE} when this server has no payment provider. Every operation that
     * needs one calls it first, so nothing is held, stored or charged for a request that cannot go anywhere.
     */
    default void requireAvailable() {
    }

    /**
     * Throws {@code PROVIDER_UNAVAILABLE} when this server's provider cannot pay out to bank accounts
     * (none at all, or one whose adapter does not do payouts): withdrawals, settlements and bank-account
     * resolution call it first, so nothing is held for a payout that cannot be made.
     */
    default void requirePayouts() {
        requireAvailable();
    }

    /** Opens a hosted checkout page where the user pays {@code amount} by card. */
    Result<CheckoutSession> createCheckout(CheckoutRequest request);

    /** What the provider knows about a checkout session now (seed 002's "verify"). */
    Result<CheckoutSession> checkout(String sessionId);

    /** Charges a card saved at an earlier checkout again, without a page. */
    Result<Charge> chargeSavedCard(String authorizationCode, Money amount, String reference);

    /** The account holder's name for a bank code and account number, or empty when no such account. */
    Result<Optional<String>> resolveAccountName(String bankCode, String accountNumber);

    /** Sends {@code amount} to a bank account; the answer may be final or {@code PENDING} (an event follows). */
    Result<Payout> createPayout(PayoutRequest request);

    /** A hosted page where the user enters the bank account to pay {@code amount} out to (seed 000's withdraw URL). */
    Result<PayoutLink> createPayoutLink(PayoutLinkRequest request);

    /** Returns part or all of a paid checkout or charge to the card. */
    Result<Refund> refund(String chargeId, Money amount, String reference);

    // ---- requests and answers ----

    /**
     * @param reference  Coffer's id for this top-up; the provider echoes it in every event about the session
     * @param returnUrl  where the page sends the user afterwards, with {@code session_id} and {@code status} added
     * @param allowSaveCard whether the page offers "save this card"
     */
    record CheckoutRequest(String reference, Money amount, String customerEmail, URI returnUrl, boolean allowSaveCard,
                           Duration expiresIn) {
    }

    enum CheckoutStatus { OPEN, PAID, FAILED, EXPIRED }

    /**
     * @param chargeId the charge that paid the session (for refunds), once paid
     * @param card     the card saved with the session, if the user asked to save it
     */
    record CheckoutSession(String id, String reference, URI url, CheckoutStatus status, Money amount,
                           java.time.Instant expiresAt, String chargeId, SavedCard card, String failureReason) {
    }

    /** A reusable authorization: never the card number. */
    record SavedCard(String authorizationCode, String brand, String last4, int expMonth, int expYear) {
    }

    /**
     * {@code PENDING}: the provider took the charge but has not decided it yet (a card payment it is still
     * processing); a {@code charge.succeeded} or {@code charge.failed} event about its reference follows.
     */
    enum ChargeStatus { SUCCEEDED, FAILED, PENDING }

    record Charge(String id, String reference, ChargeStatus status, Money amount, String failureReason) {
    }

    record PayoutRequest(String reference, Money amount, String bankCode, String accountNumber, String holderName) {
    }

    enum PayoutStatus { PENDING, SUCCEEDED, FAILED }

    record Payout(String id, String reference, PayoutStatus status, Money amount, String failureReason) {
    }

    /** @param returnUrl where the payout page sends the user afterwards */
    record PayoutLinkRequest(String reference, Money amount, URI returnUrl, Duration expiresIn) {
    }

    record PayoutLink(String id, String reference, URI url, java.time.Instant expiresAt) {
    }

    enum RefundStatus { SUCCEEDED, FAILED }

    record Refund(String id, String reference, RefundStatus status, Money amount, String failureReason) {
    }
}
