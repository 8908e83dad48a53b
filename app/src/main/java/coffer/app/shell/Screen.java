package coffer.app.shell;

import java.util.EnumSet;
import java.util.Set;

/** The app's screens, one at a time in the main window. */
public enum Screen {
    STARTING, SIGN_IN, HOME, WALLETS, HISTORY, SEND, RECEIVE, TRANSFER, TOPUP, WITHDRAW, SETTINGS, ORDERS, KYC, SETTLEMENTS, MEMBERS,
    APPROVALS;

    /** The screens a signed-out user can see; every other one needs a session. */
    private static final Set<Screen> OPEN = EnumSet.of(STARTING, SIGN_IN, SETTINGS);

    /** Screens about the user themself whichever holder is chosen: top-ups, identity and settlements are a person's. */
    private static final Set<Screen> PERSONAL = EnumSet.of(TOPUP, KYC, SETTLEMENTS);

    /** Whether the screen shows and spends from the chosen holder's wallets (the user's, or an organization's). */
    boolean followsHolder() {
        return needsSession() && !PERSONAL.contains(this);
    }

    /** Screens that need a signed-in user. */
    boolean needsSession() {
        return !OPEN.contains(this);
    }
}
