package coffer.core.ledger;

import coffer.core.money.Money;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A balanced movement of money: two or more postings in one currency that sum to zero, so money is
 * never created or destroyed. Immutable; the constructor refuses anything unbalanced.
 *
 * @param id       the movement's id, unique in the ledger
 * @param kind     what the movement is for
 * @param postings the legs, at least two, one currency, summing to zero
 */
public record JournalEntry(String id, TransactionKind kind, List<Posting> postings) {

    public JournalEntry {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a journal entry needs an id");
        }
        Objects.requireNonNull(kind, "kind");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a journal entry needs at least two postings");
        }
        Currency currency = postings.get(0).amount().currency();
        Money sum = Money.zero(currency);
        for (Posting posting : postings) {
            sum = sum.plus(posting.amount());
        }
        if (!sum.isZero()) {
            throw new IllegalArgumentException("postings of " + id + " do not balance: they sum to " + sum);
        }
    }

    /** The usual case: {@code amount} moves from one account to another. */
    public static JournalEntry transfer(String id, TransactionKind kind, String fromAccount, String toAccount, Money amount) {
        if (Objects.equals(fromAccount, toAccount)) {
            throw new IllegalArgumentException("cannot move money from an account to itself: " + fromAccount);
        }
        return new JournalEntry(id, kind, List.of(Posting.debit(fromAccount, amount), Posting.credit(toAccount, amount)));
    }

    /** The currency all postings are in. */
    public Currency currency() {
        return postings.get(0).amount().currency();
    }
}
