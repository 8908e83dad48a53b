package coffer.app.topup;

import coffer.app.i18n.Texts;
import coffer.core.api.TopupTypes.CardView;

/** A saved card as the screens show it: never its number. */
public record CardRow(String id, String brand, String last4, int expMonth, int expYear) {
    static CardRow of(CardView card) {
        return new CardRow(card.cardId(), card.brand(), card.last4(), card.expMonth(), card.expYear());
    }

    /** "Visa ending 4242 (expires 12/30)", in the app's language. */
    @Override
    public String toString() {
        return Texts.text("topup.card", brand, last4, String.format("%02d/%02d", expMonth, expYear % 100));
    }
}
