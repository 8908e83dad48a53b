package coffer.server.library;

import coffer.core.error.ErrorCode;

/** The amount is not a positive amount the wallet's currency can hold (INVALID_AMOUNT, UNKNOWN_CURRENCY, CURRENCY_MISMATCH). */
public final class InvalidAmountException extends WalletException {
    InvalidAmountException(ErrorCode code, String message) {
        super(code, message);
    }
}
