package coffer.core.api;

import java.util.List;

/** Bodies of {@code /api/v1/accounts/...}. */
public final class AccountTypes {
    private AccountTypes() {
    }

    /**
     * A wallet as the user API shows it; amounts are decimal strings.
     *
     * @param balance          posted balance
     * @param availableBalance posted minus pending debits: what can be spent
     * @param pendingBalance   reserved by pending holds
     * @param status           wire name of the wallet status ({@code "active"}, ...)
     * @param organizationId   the organization that holds the wallet, or null for the caller's own
     */
    public record AccountView(String id, String currency, String balance, String availableBalance,
                              String pendingBalance, String status, String organizationId) {
        /** One of the caller's own wallets. */
        public AccountView(String id, String currency, String balance, String availableBalance, String pendingBalance,
                           String status) {
            this(id, currency, balance, availableBalance, pendingBalance, status, null);
        }
    }

    /** {@code GET /api/v1/accounts/{id}}: {@code {"account": {...}}}. */
    public record AccountResponse(AccountView account) {
    }

    /** {@code GET /api/v1/accounts}: {@code {"accounts": [...]}}. */
    public record AccountList(List<AccountView> accounts) {
        public AccountList {
            accounts = List.copyOf(accounts);
        }
    }

    /**
     * {@code POST /api/v1/accounts}: open a wallet in another currency; with {@code additional} true, one
     * more wallet in a currency the user already holds (a separate pot to transfer to and from).
     */
    public record OpenAccountRequest(String currency, Boolean additional) {
    }
}
