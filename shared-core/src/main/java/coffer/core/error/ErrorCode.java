package coffer.core.error;

/**
 * The closed set of reasons Coffer gives for refusing a request. Server, app and embedding Java code
 * all speak in these codes; an HTTP surface puts {@link #name()} in its error body as {@code code}.
 *
 * <p>Each code carries the HTTP status that the server answers with, so that every surface maps a
 * code the same way. The order of checks that picks one code over another is in SPEC.md ("Checks
 * run in one order everywhere").
 */
public enum ErrorCode {
    /** Malformed or incomplete request: bad JSON, wrong types, missing or unknown fields. */
    INVALID_REQUEST(400, "The request is malformed or incomplete."),
    /** An amount that is zero, negative, has more decimals than its currency, or is out of range. */
    INVALID_AMOUNT(400, "The amount is not valid for its currency."),
    /** A currency code that is not an ISO 4217 currency with a minor unit. */
    UNKNOWN_CURRENCY(400, "The currency is not a known ISO 4217 currency."),
    /** Missing, expired or revoked credentials. */
    UNAUTHORIZED(401, "Authentication is required."),
    /** A partner request whose signature is missing, wrong, too old or for an unknown environment. */
    INVALID_SIGNATURE(401, "The request signature is missing or invalid."),
    /** Authenticated, but not allowed to do this. */
    FORBIDDEN(403, "This action is not allowed."),
    /** The wallet's KYC tier does not permit this amount; verification is needed first. */
    KYC_REQUIRED(403, "Identity verification is required for this amount."),
    /** No such wallet for this caller (another user's wallet is reported the same way). */
    WALLET_NOT_FOUND(404, "Wallet not found."),
    /** No such resource for this caller. */
    NOT_FOUND(404, "Not found."),
    /** Something with this identity (an email, say) already exists. */
    ALREADY_EXISTS(409, "It already exists."),
    /** The wallet is locked by its user or partner: no debits. */
    WALLET_LOCKED(409, "The wallet is locked."),
    /** The wallet is suspended by the operator: no movement at all. */
    WALLET_SUSPENDED(409, "The wallet is suspended."),
    /** The wallet is closed: no movement at all. */
    WALLET_CLOSED(409, "The wallet is closed."),
    /** A wallet can only be closed with a zero balance and nothing held. */
    WALLET_NOT_EMPTY(409, "The wallet still holds money."),
    /** The requested status change is not one the wallet status machine allows. */
    INVALID_STATUS_TRANSITION(409, "That status change is not allowed."),
    /** A hold was already captured, voided or expired. */
    HOLD_ALREADY_RESOLVED(409, "The hold was already resolved."),
    /** The same idempotency key is still being processed. */
    IDEMPOTENCY_IN_PROGRESS(409, "A request with this idempotency key is still in progress."),
    /** The request body is larger than the server accepts. */
    PAYLOAD_TOO_LARGE(413, "The request is too large."),
    /** Two amounts or an amount and a wallet are in different currencies. */
    CURRENCY_MISMATCH(422, "The currencies do not match."),
    /** Available balance is less than the amount. */
    INSUFFICIENT_BALANCE(422, "Not enough funds available."),
    /** The rolling 24-hour outgoing total of the wallet's KYC tier would be exceeded. */
    DAILY_LIMIT_EXCEEDED(422, "The daily limit would be exceeded."),
    /** A refund larger than what is left to refund. */
    REFUND_EXCEEDS_PAYMENT(422, "The refund exceeds what is left to refund."),
    /** The same idempotency key was used with a different request. */
    IDEMPOTENCY_KEY_REUSED(422, "The idempotency key was used for a different request."),
    /** Too many requests; retry later. */
    RATE_LIMITED(429, "Too many requests."),
    /** The request body did not arrive in time (a client sending too slowly); nothing was read or changed. */
    REQUEST_TIMEOUT(408, "The request body did not arrive in time."),
    /** The request conflicts with the current state (such as removing the last owner); nothing was changed. */
    CONFLICT(409, "The request conflicts with the current state."),
    /** The payment provider refused or failed. */
    PROVIDER_ERROR(502, "The payment provider could not complete the request."),
    /** No payment provider is configured for card or bank money movement on this server; nothing was changed. */
    PROVIDER_UNAVAILABLE(503, "No payment provider is available for card or bank payments."),
    /** A bug or an I/O failure on the server; nothing was changed. */
    INTERNAL(500, "Internal error."),
    /** The server cannot reach its database right now; nothing was changed, retry later. */
    UNAVAILABLE(503, "The service is temporarily unavailable; try again shortly.");

    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The HTTP status a server answers with for this code (4xx for the caller's fault, 5xx otherwise). */
    public int httpStatus() {
        return httpStatus;
    }

    /** A human message for when there is nothing more specific to say. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** True when the caller can fix the request (a 4xx); false for server and provider failures. */
    public boolean isClientError() {
        return httpStatus >= 400 && httpStatus < 500;
    }
}
