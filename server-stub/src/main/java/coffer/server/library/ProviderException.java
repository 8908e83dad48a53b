package coffer.server.library;

import coffer.core.error.ErrorCode;

/** The payment provider refused or could not be reached (seed 002's PaystackAPIError). */
public final class ProviderException extends WalletException {
    ProviderException(ErrorCode code, String message) {
        super(code, message);
    }
}
