package coffer.server.bank;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.gateway.PaymentProvider;
import coffer.server.ledger.Ids;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Saved bank accounts ({@code bank_accounts}): the holder's name comes from the provider's account-name
 * resolution, never from the user, so a payout goes to the account the user saw named. Another user's
 * account, or a removed one, is NOT_FOUND.
 */
public final class BankAccountService {
    /** Bank codes as the provider takes them: 3 digits ("044", "058"). */
    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3}");
    /** Account numbers as the provider takes them: 10 digits (a NUBAN). */
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{10}");
    private static final String COLUMNS = "id, env_id, user_id, bank_code, account_number, holder_name, created_at";

    private final Jdbc jdbc;
    private final PaymentProvider provider;
    private final Clock clock;

    public BankAccountService(Database database, PaymentProvider provider, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The holder's name of an account, as the provider knows it.
     *
     * @throws CofferException INVALID_REQUEST for a malformed code or number, NOT_FOUND when the bank
     *                         has no such account, PROVIDER_ERROR when the provider cannot tell
     */
    public String resolve(String bankCode, String accountNumber) {
        provider.requirePayouts();
        String code = checked(bankCode, "bank_code", BANK_CODE);
        String number = checked(accountNumber, "account_number", ACCOUNT_NUMBER);
        return provider.resolveAccountName(code, number).orThrow().orElseThrow(() -> new CofferException(
                ErrorCode.NOT_FOUND, "The bank " + code + " has no account ending in " + BankAccount.last4(number) + ".",
                Map.of("bank_code", code, "account_number_last4", BankAccount.last4(number))));
    }

    /** Resolves the account and saves it for the caller; ALREADY_EXISTS when the caller saved it before. */
    public BankAccount add(Principal caller, String bankCode, String accountNumber) {
        String holder = resolve(bankCode, accountNumber);
        BankAccount account = new BankAccount(Ids.next("bnk"), caller.envId(), caller.userId(), bankCode.strip(),
                accountNumber.strip(), holder, clock.instant());
        boolean inserted = jdbc.insertUnique("INSERT INTO bank_accounts (" + COLUMNS + ", account_last4) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", account.id(), account.envId(), account.userId(),
                account.bankCode(), account.accountNumber(), account.holderName(), account.createdAt().toEpochMilli(),
                account.last4());
        if (!inserted) {
            String existing = list(caller).stream()
                    .filter(a -> a.bankCode().equals(account.bankCode()) && a.accountNumber().equals(account.accountNumber()))
                    .map(BankAccount::id).findFirst().orElse("");
            throw new CofferException(ErrorCode.ALREADY_EXISTS, "This bank account is already saved.",
                    Map.of("bank_account_id", existing));
        }
        return account;
    }

    /** The caller's saved accounts, oldest first. */
    public List<BankAccount> list(Principal caller) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bank_accounts WHERE env_id = ? AND user_id = ? AND removed_at IS NULL "
                + "ORDER BY created_at, id", BankAccountService::row, caller.envId(), caller.userId());
    }

    /** One of the caller's saved accounts; NOT_FOUND for an unknown, removed or another user's account. */
    public BankAccount owned(Principal caller, String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM bank_accounts WHERE id = ? AND env_id = ? AND user_id = ? "
                        + "AND removed_at IS NULL", BankAccountService::row, id, caller.envId(), caller.userId())
                .orElseThrow(() -> notFound(id));
    }

    /** Removes one of the caller's accounts (payouts already made to it keep pointing at it). */
    public void remove(Principal caller, String id) {
        int removed = jdbc.update("UPDATE bank_accounts SET removed_at = ? WHERE id = ? AND env_id = ? AND user_id = ? "
                + "AND removed_at IS NULL", clock.instant().toEpochMilli(), id, caller.envId(), caller.userId());
        if (removed == 0) {
            throw notFound(id);
        }
    }

    /** An account by id whatever its state, for finishing payouts already made to it. */
    public java.util.Optional<BankAccount> byId(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM bank_accounts WHERE id = ?", BankAccountService::row, id);
    }

    private static CofferException notFound(String id) {
        return new CofferException(ErrorCode.NOT_FOUND, "Bank account " + id + " was not found.",
                Map.of("bank_account_id", String.valueOf(id)));
    }

    private static String checked(String value, String field, Pattern pattern) {
        if (value == null || value.isBlank()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' is required.", Map.of("field", field));
        }
        String v = value.strip();
        if (!pattern.matcher(v).matches()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' must be " + (field.equals("bank_code")
                    ? "3 digits." : "10 digits."), Map.of("field", field));
        }
        return v;
    }

    private static BankAccount row(ResultSet rs) throws SQLException {
        return new BankAccount(rs.getString("id"), rs.getString("env_id"), rs.getString("user_id"), rs.getString("bank_code"),
                rs.getString("account_number"), rs.getString("holder_name"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
