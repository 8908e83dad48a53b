package coffer.app.shell;

/** The app's screens, one at a time in the main window. */
public enum Screen {
    STARTING, SIGN_IN, WALLETS, HISTORY, SEND, TRANSFER, TOPUP, WITHDRAW, SETTINGS, ORDERS, KYC, SETTLEMENTS;

    /** Screens that need a signed-in user. */
    boolean needsSession() {
        return this == WALLETS || this == HISTORY || this == SEND || this == TRANSFER || this == TOPUP || this == WITHDRAW
                || this == ORDERS || this == KYC || this == SETTLEMENTS;
    }
}
