package coffer.server.library;

import coffer.core.error.ErrorCode;

/** The wallet is locked, suspended or closed, so money cannot move through it. */
public final class WalletLockedException extends WalletException {
    WalletLockedException(ErrorCode code, String message) {
        super(code, message);
    }
}
