package coffer.core.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's rules applied to accounts kept in memory: the reference that a durable store must agree
 * with, and a ledger for embedding code that needs no storage. Not thread-safe: callers serialise.
 *
 * <p>Every operation either applies completely or is refused with a {@link Result.Rejected} and
 * changes nothing.
 */
public final class InMemoryLedger {
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Balance> balances = new HashMap<>();
    private final Map<String, Hold> holds = new LinkedHashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();

    /**
     * Opens an account with an empty balance.
     *
     * @throws IllegalArgumentException if the id is taken
     */
    public Account open(String id, AccountKind kind, Currency currency) {
        Account account = new Account(id, kind, currency);
        if (accounts.putIfAbsent(id, account) != null) {
            throw new IllegalArgumentException("account " + id + " exists");
        }
        balances.put(id, Balance.empty(currency));
        return account;
    }

    /** The account's balance, if it exists. */
    public Optional<Balance> balance(String accountId) {
        return Optional.ofNullable(balances.get(accountId));
    }

    /** The hold, if it exists. */
    public Optional<Hold> hold(String holdId) {
        return Optional.ofNullable(holds.get(holdId));
    }

    /** Every account, in the order opened. */
    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Every posted entry, in the order posted. */
    public List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    /**
     * Posts a balanced entry. Debits are checked against available balances (where overdraft is not
     * allowed) with all of the entry's postings applied in order, so an entry is either all in or out.
     *
     * @return the entry, or {@link ErrorCode#NOT_FOUND}, {@link ErrorCode#CURRENCY_MISMATCH},
     *         {@link ErrorCode#INSUFFICIENT_BALANCE}
     */
    public Result<JournalEntry> post(JournalEntry entry) {
        // every account and its currency first, so a user sees the more fundamental reason first
        for (Posting posting : entry.postings()) {
            Result<Account> account = account(posting.accountId(), posting.amount().currency());
            if (!account.isOk()) {
                return account.asRejected();
            }
        }
        Map<String, Balance> changed = new HashMap<>();
        for (Posting posting : entry.postings()) {
            Account account = accounts.get(posting.accountId());
            Balance before = changed.getOrDefault(posting.accountId(), balances.get(posting.accountId()));
            Result<Balance> after = posting.isDebit()
                    ? before.debit(posting.amount().negated(), account.kind().overdraftAllowed())
                    : Result.ok(before.credit(posting.amount()));
            if (!after.isOk()) {
                return after.asRejected();
            }
            changed.put(posting.accountId(), after.orThrow());
        }
        balances.putAll(changed);
        journal.add(entry);
        return Result.ok(entry);
    }

    /**
     * Reserves {@code amount} on {@code debitAccount} for {@code creditAccount} until {@code expiresAt}.
     *
     * @return the pending hold, or a refusal as for {@link #post}
     * @throws IllegalArgumentException if the hold id is taken
     */
    public Result<Hold> hold(String holdId, String debitAccount, String creditAccount, Money amount, Instant expiresAt) {
        if (holds.containsKey(holdId)) {
            throw new IllegalArgumentException("hold " + holdId + " exists");
        }
        Result<Account> debit = account(debitAccount, amount.currency());
        if (!debit.isOk()) {
            return debit.asRejected();
        }
        Result<Account> credit = account(creditAccount, amount.currency());
        if (!credit.isOk()) {
            return credit.asRejected();
        }
        Result<Balance> reserved = balances.get(debitAccount).reserve(amount, debit.orThrow().kind().overdraftAllowed());
        if (!reserved.isOk()) {
            return reserved.asRejected();
        }
        Hold hold = Hold.pending(holdId, debitAccount, creditAccount, amount, expiresAt);
        balances.put(debitAccount, reserved.orThrow());
        balances.put(creditAccount, balances.get(creditAccount).expectCredit(amount));
        holds.put(holdId, hold);
        return Result.ok(hold);
    }

    /**
     * Captures {@code part} of a pending hold; the rest of it is released.
     *
     * @return the captured hold, or {@link ErrorCode#NOT_FOUND} and the refusals of {@link Hold#capture}
     */
    public Result<Hold> capture(String holdId, Money part, Instant now) {
        return resolve(holdId, hold -> hold.capture(part, now));
    }

    /** Voids a pending hold. @return the voided hold, or a refusal */
    public Result<Hold> voidHold(String holdId, Instant now) {
        return resolve(holdId, hold -> hold.voidHold(now));
    }

    /** Expires every pending hold that is due at {@code now}. @return the holds expired */
    public List<Hold> expireDue(Instant now) {
        List<Hold> expired = new ArrayList<>();
        for (Hold hold : List.copyOf(holds.values())) {
            if (hold.isDue(now)) {
                expired.add(resolve(hold.id(), h -> h.expire(now)).orThrow());
            }
        }
        return expired;
    }

    /**
     * Checks the ledger's invariants: each currency's postings sum to zero, each balance equals its
     * postings and its pending holds, and no account that forbids overdraft is below zero.
     *
     * @return the violations found, empty when the ledger is sound
     */
    public List<String> verify() {
        List<String> violations = new ArrayList<>();
        Map<Currency, Long> sums = new HashMap<>();
        Map<String, Long> posted = new HashMap<>();
        for (JournalEntry entry : journal) {
            for (Posting p : entry.postings()) {
                sums.merge(p.amount().currency(), p.amount().minor(), Math::addExact);
                posted.merge(p.accountId(), p.amount().minor(), Math::addExact);
            }
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                violations.add("postings in " + currency + " sum to " + sum + ", not 0");
            }
        });
        Map<String, Long> pendingDebits = new HashMap<>();
        Map<String, Long> pendingCredits = new HashMap<>();
        for (Hold hold : holds.values()) {
            if (hold.state() == HoldState.PENDING) {
                pendingDebits.merge(hold.debitAccount(), hold.amount().minor(), Math::addExact);
                pendingCredits.merge(hold.creditAccount(), hold.amount().minor(), Math::addExact);
            }
        }
        for (Account account : accounts.values()) {
            Balance b = balances.get(account.id());
            String id = account.id();
            if (b.posted() != posted.getOrDefault(id, 0L)) {
                violations.add(id + " posted " + b.posted() + " but its postings sum to " + posted.getOrDefault(id, 0L));
            }
            if (b.pendingDebits() != pendingDebits.getOrDefault(id, 0L) || b.pendingCredits() != pendingCredits.getOrDefault(id, 0L)) {
                violations.add(id + " pending " + b.pendingDebits() + "/" + b.pendingCredits() + " does not match its pending holds");
            }
            if (!account.kind().overdraftAllowed() && b.available().isNegative()) {
                violations.add(id + " is below zero: available " + b.available());
            }
        }
        return violations;
    }

    private Result<Hold> resolve(String holdId, java.util.function.Function<Hold, Result<Hold>> step) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            return Result.rejected(ErrorCode.NOT_FOUND, "No hold " + holdId, Map.of("hold_id", holdId));
        }
        Result<Hold> result = step.apply(hold);
        if (!result.isOk()) {
            return result;
        }
        Hold done = result.orThrow();
        Money captured = done.captured();
        balances.put(hold.debitAccount(), balances.get(hold.debitAccount()).settleReserve(hold.amount(), captured));
        balances.put(hold.creditAccount(), balances.get(hold.creditAccount()).settleExpectedCredit(hold.amount(), captured));
        if (captured.isPositive()) {
            journal.add(JournalEntry.transfer(hold.id(), TransactionKind.CAPTURE, hold.debitAccount(), hold.creditAccount(), captured));
        }
        holds.put(holdId, done);
        return Result.ok(done);
    }

    private Result<Account> account(String id, Currency currency) {
        Account account = accounts.get(id);
        if (account == null) {
            return Result.rejected(ErrorCode.NOT_FOUND, "No account " + id, Map.of("account_id", id));
        }
        if (!account.currency().equals(currency)) {
            return Result.rejected(ErrorCode.CURRENCY_MISMATCH,
                    "Account " + id + " holds " + account.currency().getCurrencyCode() + ", not " + currency.getCurrencyCode(),
                    Map.of("expected", account.currency().getCurrencyCode(), "actual", currency.getCurrencyCode()));
        }
        return Result.ok(account);
    }
}
