package coffer.server.library;

import coffer.core.error.ErrorCode;

/** The ledger refused the movement for a reason of policy or state: KYC tier, daily limit, nothing left to refund, a hold already resolved, an idempotency key in use. */
public final class TransactionFailedException extends WalletException {
    TransactionFailedException(ErrorCode code, String message) {
        super(code, message);
    }
}
