package coffer.server.library;

import coffer.core.error.ErrorCode;

/** There is not enough money available in the wallet (INSUFFICIENT_BALANCE). */
public final class InsufficientFundsException extends WalletException {
    InsufficientFundsException(String message) {
        super(ErrorCode.INSUFFICIENT_BALANCE, message);
    }
}
