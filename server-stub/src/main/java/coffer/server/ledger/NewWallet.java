package coffer.server.ledger;

import java.util.Currency;
import java.util.Objects;

/**
 * Open a wallet for a user. Built by name: {@link #inCurrency} answers the user's open wallet in the
 * currency when there is one, {@link #additional} always opens another.
 */
public record NewWallet(EnvId env, UserId user, Currency currency, Opening opening) {
    /** Whether the user's open wallet in the currency, if any, answers the request. */
    public enum Opening {
        /** The user's open wallet in the currency if there is one, else a new one. */
        ONE_PER_CURRENCY,
        /** A new wallet even when the user has one in the currency. */
        ADDITIONAL
    }

    public NewWallet {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(opening, "opening");
    }

    /** The user's open wallet in {@code currency}, opened if there is none. */
    public static NewWallet inCurrency(EnvId env, UserId user, Currency currency) {
        return new NewWallet(env, user, currency, Opening.ONE_PER_CURRENCY);
    }

    /** Another wallet in {@code currency}, whatever the user holds already. */
    public static NewWallet additional(EnvId env, UserId user, Currency currency) {
        return new NewWallet(env, user, currency, Opening.ADDITIONAL);
    }

    /** The request's fields, in the order stored keys were made with. */
    public Fingerprint fingerprint() {
        return Fingerprint.of("wallet").text(env.value()).text(user.value()).text(currency.getCurrencyCode())
                .flag(opening == Opening.ADDITIONAL);
    }
}
