package coffer.core.money;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * ISO 4217 currencies that Coffer can hold: those {@link Currency} knows with a minor unit
 * (an exponent of zero or more). Precious metals, testing and fund codes have none and are refused.
 */
public final class Currencies {
    private Currencies() {
    }

    /**
     * The currency for an exact three-letter upper-case ISO 4217 code.
     *
     * @param code such as {@code "USD"}; null, blank, lower-case or unknown codes are refused
     * @return the currency, never null
     * @throws CofferException {@link ErrorCode#UNKNOWN_CURRENCY} for anything else
     */
    public static Currency of(String code) {
        if (!isThreeUpperCaseLetters(code)) {
            throw unknown(String.valueOf(code));
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw unknown(code);
        }
        return requireMinorUnit(currency);
    }

    /** {@code [A-Z]{3}}, checked without a regex: every amount parsed (each movement of a sync page) passes here. */
    private static boolean isThreeUpperCaseLetters(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that {@code currency} has a minor unit.
     *
     * @throws CofferException {@link ErrorCode#UNKNOWN_CURRENCY} when its exponent is undefined
     */
    public static Currency requireMinorUnit(Currency currency) {
        if (currency == null) {
            throw unknown("null");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new CofferException(ErrorCode.UNKNOWN_CURRENCY,
                    "Currency " + currency.getCurrencyCode() + " has no minor unit and cannot be held",
                    Map.of("currency", currency.getCurrencyCode()));
        }
        return currency;
    }

    /** Every currency that Coffer can hold, sorted by code. */
    public static List<Currency> all() {
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0)
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .toList();
    }

    private static CofferException unknown(String code) {
        return new CofferException(ErrorCode.UNKNOWN_CURRENCY,
                "Unknown currency '" + code + "': use a three-letter ISO 4217 code such as USD",
                Map.of("currency", code));
    }
}
