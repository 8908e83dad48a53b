package coffer.server.provider;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The simulator's bank accounts: any 3-digit bank code (044, 058, ...) and 10-digit account number.
 * Numbers ending 0000 do not exist; the others resolve to a holder name derived from the number, so
 * one account always has the same holder. Payouts to numbers ending 1111 fail, to numbers ending 2222
 * stay pending for a while then succeed, and to any other existing account succeed at once.
 */
final class TestBanks {
    static final String REASON_NO_ACCOUNT = "account_not_found";
    static final String REASON_REJECTED = "payout_rejected";
    static final String REASON_EXPIRED = "expired";

    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{10}");
    private static final String[] FIRST = {"Ada", "Bola", "Chidi", "Dayo", "Emeka", "Funmi", "Gbenga", "Halima",
            "Ifeoma", "Jide", "Kemi", "Lola", "Musa", "Ngozi", "Olu", "Tunde"};
    private static final String[] LAST = {"Adeyemi", "Balogun", "Chukwu", "Danjuma", "Eze", "Fashola", "Garba",
            "Hassan", "Ibekwe", "Johnson", "Kalu", "Lawal", "Mohammed", "Nwosu", "Okafor", "Usman"};

    enum Outcome { SUCCEEDS, FAILS, PENDING, NO_SUCH_ACCOUNT }

    private TestBanks() {
    }

    /** INVALID_REQUEST unless the bank code has 3 digits and the account number 10. */
    static void requireValid(String bankCode, String accountNumber) {
        if (bankCode == null || !BANK_CODE.matcher(bankCode).matches()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'bank_code' must be 3 digits.", Map.of("field", "bank_code"));
        }
        if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'account_number' must be 10 digits.",
                    Map.of("field", "account_number"));
        }
    }

    /** The holder's name, or empty when there is no such account. */
    static Optional<String> holder(String bankCode, String accountNumber) {
        if (outcome(accountNumber) == Outcome.NO_SUCH_ACCOUNT) {
            return Optional.empty();
        }
        int h = Math.floorMod((bankCode + ":" + accountNumber).hashCode(), FIRST.length * LAST.length);
        return Optional.of(FIRST[h % FIRST.length] + " " + LAST[h / FIRST.length]);
    }

    static Outcome outcome(String accountNumber) {
        if (accountNumber.endsWith("0000")) {
            return Outcome.NO_SUCH_ACCOUNT;
        }
        if (accountNumber.endsWith("1111")) {
            return Outcome.FAILS;
        }
        return accountNumber.endsWith("2222") ? Outcome.PENDING : Outcome.SUCCEEDS;
    }
}
