package coffer.server.library;

import coffer.core.error.ErrorCode;

/** Seed 002's "You are not a member of this organization": the user may not act for it (FORBIDDEN). */
public final class NotAMemberException extends WalletException {
    static final String MESSAGE = "You are not a member of this organization";

    NotAMemberException() {
        super(ErrorCode.FORBIDDEN, MESSAGE);
    }
}
