package coffer.core.ledger;

import coffer.core.money.Currencies;

import java.util.Currency;
import java.util.Objects;

/**
 * An account in the ledger: one currency, one kind. Its balance lives with the store that keeps it.
 *
 * @param id       unique id
 * @param kind     what it stands for; decides whether it may go below zero
 * @param currency the only currency it holds
 */
public record Account(String id, AccountKind kind, Currency currency) {
    public Account {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an account needs an id");
        }
        Objects.requireNonNull(kind, "kind");
        Currencies.requireMinorUnit(currency);
    }
}
