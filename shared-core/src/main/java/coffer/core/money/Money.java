package coffer.core.money;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * An exact amount of money: a signed count of minor units (cents for USD, yen for JPY, fils for KWD)
 * in one ISO 4217 currency. Immutable and thread-safe.
 *
 * <p>Arithmetic never rounds and never wraps: an overflow of the {@code long} range is refused with
 * {@link ErrorCode#INVALID_AMOUNT}; mixing currencies is refused with
 * {@link ErrorCode#CURRENCY_MISMATCH} naming both. Decimal text is parsed exactly and a value that
 * needs more decimals than the currency has is refused, never rounded.
 */
public final class Money implements Comparable<Money> {
    private final long minor;
    private final Currency currency;

    private Money(long minor, Currency currency) {
        this.minor = minor;
        this.currency = currency;
    }

    /**
     * An amount of {@code minor} minor units.
     *
     * @param currency a currency with a minor unit, never null
     * @param minor    any long; negative amounts are allowed (balances, debits)
     * @throws CofferException {@link ErrorCode#UNKNOWN_CURRENCY} for a currency without a minor unit
     */
    public static Money ofMinor(Currency currency, long minor) {
        return new Money(minor, Currencies.requireMinorUnit(currency));
    }

    /** As {@link #ofMinor(Currency, long)}, with the currency given by its ISO code. */
    public static Money ofMinor(String currencyCode, long minor) {
        return new Money(minor, Currencies.of(currencyCode));
    }

    /** Zero in {@code currency}. */
    public static Money zero(Currency currency) {
        return ofMinor(currency, 0);
    }

    /**
     * Parses decimal text exactly, such as {@code "1000.00"}, {@code "12.5"}, {@code "-3"} or a JSON
     * number's own text ({@code "1e2"}). Trailing zeros beyond the currency's decimals are accepted
     * ({@code "1.50"} and {@code "1.500"} are the same USD amount); a non-zero digit beyond them is not.
     *
     * <p>Only ASCII is read: {@link BigDecimal} alone would take any Unicode digit ({@code "١٠٠"} is 100),
     * and text a validating proxy or a person reads differently from the ledger is refused, not guessed at.
     * The text is at most 64 characters, and its size is judged before any work is done on it, so an
     * exponent such as {@code 1e999999999} costs nothing.
     *
     * @param text     decimal text, never null; ASCII digits, one optional sign, point and exponent; no
     *                 grouping separators, no currency symbol
     * @param currency a currency with a minor unit
     * @return the exact amount
     * @throws CofferException {@link ErrorCode#INVALID_AMOUNT} if the text is not such a number, needs more
     *                         decimals than the currency has, or is outside the long range of minor units
     */
    public static Money parse(String text, Currency currency) {
        Currencies.requireMinorUnit(currency);
        if (text == null || text.isBlank()) {
            throw invalid("An amount is required", text, currency);
        }
        String trimmed = text.strip();
        if (trimmed.length() > 64) {
            throw invalid("Amount is too long", trimmed.substring(0, 16) + "…", currency);
        }
        BigDecimal decimal;
        try {
            if (!isAsciiDecimal(trimmed)) {
                throw new NumberFormatException("not ASCII decimal text");
            }
            decimal = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw invalid("Amount '" + trimmed + "' is not a decimal number", trimmed, currency);
        }
        int digits = currency.getDefaultFractionDigits();
        // decide on size and precision before scaling, so "1e999999999" costs nothing
        BigDecimal stripped = decimal.stripTrailingZeros();
        // in long: with a scale near Integer.MIN_VALUE the int difference wraps and a huge number looks small
        if (stripped.signum() != 0 && (long) stripped.precision() - stripped.scale() > 19) {
            throw invalid("Amount " + trimmed + " is out of range", trimmed, currency);
        }
        if (stripped.scale() > digits) {
            throw invalid("Amount " + trimmed + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + digits + ")", trimmed, currency);
        }
        // both checks above make this exact and small: at most 19 integer digits, no excess decimals
        BigInteger exact = stripped.movePointRight(digits).toBigIntegerExact();
        if (exact.bitLength() > 63) {
            throw invalid("Amount " + trimmed + " is out of range", trimmed, currency);
        }
        return new Money(exact.longValue(), currency);
    }

    /** As {@link #parse(String, Currency)}, with the currency given by its ISO code. */
    public static Money parse(String text, String currencyCode) {
        return parse(text, Currencies.of(currencyCode));
    }

    /** Only the characters a decimal number is written with in ASCII; {@link BigDecimal} checks their order. */
    private static boolean isAsciiDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    /** The signed count of minor units. */
    public long minor() {
        return minor;
    }

    /** The currency, never null. */
    public Currency currency() {
        return currency;
    }

    /** The ISO 4217 code of the currency. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /**
     * The amount as plain decimal text with exactly the currency's decimals: {@code "1000.00"} (USD),
     * {@code "1000"} (JPY), {@code "1.000"} (KWD), {@code "-0.05"}. {@link #parse} reads it back.
     */
    public String toDecimalString() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    /** This amount as an exact {@link BigDecimal}, for surfaces that print JSON numbers. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    /** @throws CofferException {@link ErrorCode#CURRENCY_MISMATCH} or, on overflow, {@link ErrorCode#INVALID_AMOUNT} */
    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.addExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this, "+", other);
        }
    }

    /** @throws CofferException {@link ErrorCode#CURRENCY_MISMATCH} or, on overflow, {@link ErrorCode#INVALID_AMOUNT} */
    public Money minus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.subtractExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this, "-", other);
        }
    }

    /** The negated amount. @throws CofferException {@link ErrorCode#INVALID_AMOUNT} for {@code Long.MIN_VALUE} */
    public Money negated() {
        try {
            return new Money(Math.negateExact(minor), currency);
        } catch (ArithmeticException e) {
            throw invalid("Amount cannot be negated", toDecimalString(), currency);
        }
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    /** True if this is more than {@code other}. @throws CofferException on a currency mismatch */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** True if this is less than {@code other}. @throws CofferException on a currency mismatch */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Checks that this amount can be moved: more than zero.
     *
     * @return this
     * @throws CofferException {@link ErrorCode#INVALID_AMOUNT} for zero or a negative amount
     */
    public Money requirePositive() {
        if (minor <= 0) {
            throw invalid("Amount must be greater than zero", toDecimalString(), currency);
        }
        return this;
    }

    /**
     * Splits this amount into parts proportional to {@code ratios}, exactly: the parts always add up
     * to this amount and each part is less than one minor unit away from its exact share. What cannot
     * be divided evenly goes one minor unit at a time to the parts with the largest fractions left
     * over (the first such part on a tie), and never to a part whose ratio is zero.
     *
     * @param ratios one or more non-negative weights, at least one positive
     * @return one part per ratio, in order
     * @throws IllegalArgumentException for no ratios, a negative ratio or all zero ratios
     */
    public Money[] allocate(long... ratios) {
        if (ratios == null || ratios.length == 0) {
            throw new IllegalArgumentException("allocate needs at least one ratio");
        }
        BigInteger total = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("ratios must not be negative: " + ratio);
            }
            total = total.add(BigInteger.valueOf(ratio));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("at least one ratio must be positive");
        }
        BigInteger whole = BigInteger.valueOf(minor);
        long[] parts = new long[ratios.length];
        BigInteger[] leftOver = new BigInteger[ratios.length];
        long remainder = minor;
        for (int i = 0; i < ratios.length; i++) {
            // truncates towards zero, so every left-over has the sign of the whole
            BigInteger[] qr = whole.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            leftOver[i] = qr[1].abs();
            remainder -= parts[i];
        }
        Integer[] byLeftOver = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            byLeftOver[i] = i;
        }
        // stable sort: ties keep their order, so the earlier part wins
        java.util.Arrays.sort(byLeftOver, (a, b) -> leftOver[b].compareTo(leftOver[a]));
        long step = Long.signum(remainder);
        for (int k = 0; remainder != 0; k++) {
            parts[byLeftOver[k]] += step;
            remainder -= step;
        }
        Money[] result = new Money[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = new Money(parts[i], currency);
        }
        return result;
    }

    /**
     * Orders amounts of the same currency.
     *
     * @throws CofferException {@link ErrorCode#CURRENCY_MISMATCH} for different currencies
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    /**
     * Checks that {@code other} is in this currency.
     *
     * @throws CofferException {@link ErrorCode#CURRENCY_MISMATCH} naming both currencies
     */
    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw mismatch(currency, other.currency);
        }
    }

    /**
     * Checks that this amount is in {@code expected}.
     *
     * @throws CofferException {@link ErrorCode#CURRENCY_MISMATCH} naming both currencies
     */
    public Money requireCurrency(Currency expected) {
        if (!currency.equals(expected)) {
            throw mismatch(expected, currency);
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && minor == other.minor && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minor) * 31 + currency.hashCode();
    }

    /** {@code "USD 1000.00"}. */
    @Override
    public String toString() {
        return currencyCode() + " " + toDecimalString();
    }

    private static CofferException mismatch(Currency expected, Currency actual) {
        return new CofferException(ErrorCode.CURRENCY_MISMATCH,
                "Currency mismatch: expected " + expected.getCurrencyCode() + " but got " + actual.getCurrencyCode(),
                Map.of("expected", expected.getCurrencyCode(), "actual", actual.getCurrencyCode()));
    }

    private static CofferException invalid(String message, String text, Currency currency) {
        return new CofferException(ErrorCode.INVALID_AMOUNT, message,
                Map.of("amount", String.valueOf(text), "currency", currency.getCurrencyCode()));
    }

    private static CofferException overflow(Money a, String op, Money b) {
        return new CofferException(ErrorCode.INVALID_AMOUNT,
                "Amount out of range: " + a.toDecimalString() + " " + op + " " + b.toDecimalString(),
                Map.of("currency", a.currencyCode()));
    }
}
