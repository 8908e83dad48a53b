package coffer.server.library;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Objects;

/**
 * Why a library call did not do what was asked (seed 002's {@code WalletError}): always with the shared
 * {@link ErrorCode}, and thrown as the most specific subclass — {@link InsufficientFundsException},
 * {@link WalletLockedException}, {@link InvalidAmountException}, {@link TransactionFailedException},
 * {@link ProviderException} — so callers can catch what they handle and let the rest go up.
 */
public class WalletException extends RuntimeException {
    private final ErrorCode code;

    WalletException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The typed exception for a refusal. */
    static WalletException of(ErrorCode code, String message) {
        return switch (code) {
            case INSUFFICIENT_BALANCE -> new InsufficientFundsException(message);
            case WALLET_LOCKED, WALLET_SUSPENDED, WALLET_CLOSED -> new WalletLockedException(code, message);
            case INVALID_AMOUNT, UNKNOWN_CURRENCY, CURRENCY_MISMATCH -> new InvalidAmountException(code, message);
            case PROVIDER_ERROR -> new ProviderException(code, message);
            case KYC_REQUIRED, DAILY_LIMIT_EXCEEDED, REFUND_EXCEEDS_PAYMENT, HOLD_ALREADY_RESOLVED,
                 IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_IN_PROGRESS -> new TransactionFailedException(code, message);
            default -> new WalletException(code, message);
        };
    }

    static WalletException of(CofferException e) {
        return of(e.code(), e.getMessage());
    }
}
