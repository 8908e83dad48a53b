package coffer.server.ledger.rules;

import coffer.core.ledger.AccountKind;

import java.util.Currency;
import java.util.Locale;

/**
 * Ids of an environment's system accounts: one of each kind per currency, named so that no lookup is
 * needed ({@code sys_clearing_123_USD}).
 */
public final class SystemAccounts {
    private SystemAccounts() {
    }

    /** Whether {@code accountId} names a system account (they are never user wallets). */
    public static boolean isSystem(String accountId) {
        return accountId.startsWith("sys_");
    }

    public static String id(String envId, AccountKind kind, Currency currency) {
        if (!kind.isSystemAccount()) {
            throw new IllegalArgumentException(kind + " is not a system account");
        }
        return "sys_" + kind.name().toLowerCase(Locale.ROOT).replace("provider_", "") + "_" + envId + "_"
                + currency.getCurrencyCode();
    }
}
