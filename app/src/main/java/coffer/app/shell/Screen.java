package coffer.app.shell;

import java.util.EnumSet;
import java.util.Set;

/** The app's screens, one at a time in the main window. */
public enum Screen {
    STARTING, SIGN_IN, HOME, WALLETS, HISTORY, SEND, RECEIVE, TRANSFER, TOPUP, WITHDRAW, SETTINGS, ORDERS, KYC, SETTLEMENTS;

    /** The screens a signed-out user can see; every other one needs a session. */
    private static final Set<Screen> OPEN = EnumSet.of(STARTING, SIGN_IN, SETTINGS);

    /** Screens that need a signed-in user. */
    boolean needsSession() {
        return !OPEN.contains(this);
    }
}
