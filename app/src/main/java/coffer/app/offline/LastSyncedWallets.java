package coffer.app.offline;

import coffer.app.api.ApiException;
import coffer.app.local.LocalDatabase;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.money.Money;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The user's wallets as the local copy last had them, for screens that must work while the server is
 * unreachable (the send and transfer forms: an operation made offline is queued in the outbox).
 */
public final class LastSyncedWallets {
    private final LocalDatabase database;
    private final Predicate<AccountView> scope;

    public LastSyncedWallets(LocalDatabase database) {
        this(database, wallet -> true);
    }

    private LastSyncedWallets(LocalDatabase database, Predicate<AccountView> scope) {
        this.database = Objects.requireNonNull(database, "database");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The same wallets, only those {@code keep} accepts (one holder's), online and last synced alike. */
    public LastSyncedWallets only(Predicate<AccountView> keep) {
        return new LastSyncedWallets(database, scope.and(keep));
    }

    /**
     * The server's wallets from {@code online}; when the server cannot be reached, the last synced ones
     * (the network failure again when there are none). Blocking: call in the background.
     */
    public List<AccountView> onlineOrLastSynced(Callable<List<AccountView>> online) throws Exception {
        try {
            return online.call().stream().filter(scope).toList();
        } catch (ApiException e) {
            if (e.kind() != ApiException.Kind.NETWORK_DOWN) {
                throw e;
            }
            List<AccountView> local = wallets();
            if (local.isEmpty()) {
                throw e;
            }
            return local;
        }
    }

    /** The wallets of the local copy, in the order the server listed them (by id when unknown). */
    public List<AccountView> wallets() {
        return database.read(c -> {
            List<AccountView> wallets = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, currency, posted_minor, available_minor, "
                    + "pending_minor, status, organization_id FROM wallets ORDER BY rowid");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString("currency");
                    wallets.add(new AccountView(rs.getString("id"), currency,
                            decimal(currency, rs.getLong("posted_minor")),
                            decimal(currency, rs.getLong("available_minor")),
                            decimal(currency, rs.getLong("pending_minor")), rs.getString("status"),
                            rs.getString("organization_id")));
                }
            }
            return wallets.stream().filter(scope).toList();
        });
    }

    private static String decimal(String currency, long minor) {
        return Money.ofMinor(currency, minor).toDecimalString();
    }
}
