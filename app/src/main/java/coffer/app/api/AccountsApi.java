package coffer.app.api;

import coffer.core.api.AccountTypes.AccountView;
import java.util.List;

/**
 * The user's wallets: list, open, lock and unlock.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface AccountsApi {
    List<AccountView> accounts();
    AccountView openAccount(String currency);
    /** With {@code additional}: one more wallet in a currency the user already holds. */
    AccountView openAccount(String currency, boolean additional);
    AccountView lock(String walletId);
    AccountView unlock(String walletId);
}
