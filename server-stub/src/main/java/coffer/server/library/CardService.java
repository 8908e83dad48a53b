package coffer.server.library;

import coffer.server.ProviderMode;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.topup.Topup;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Seed 002's card operations: a card charge through the provider's hosted page (initialize, verify,
 * process), saved cards, and charging a saved card again. The wallet is credited by the provider's
 * signed confirmation, exactly once; verifying and processing only read what it confirmed.
 */
public final class CardService {
    private final Library lib;

    CardService(Library lib) {
        this.lib = lib;
    }

    /** A started card charge: send the user to {@code authorizationUrl}. */
    public record CardCharge(String reference, String authorizationUrl, String status, Money amount) {
    }

    /**
     * What the provider confirmed for a charge.
     *
     * @param status        {@code success}, {@code pending} or {@code failed}
     * @param transactionId the credit in the wallet, once {@code success}
     * @param gatewayResponse why it failed, or {@code Approved}
     */
    public record ChargeVerification(String reference, String status, Money amount, String walletId, String transactionId,
                                     String gatewayResponse) {
    }

    /** A saved card: never the number. */
    public record Card(String id, String brand, String last4, int expMonth, int expYear) {
    }

    /** The result of {@link #processSuccessfulCardCharge}: the wallet now, the credit, and the card saved with it, if any. */
    public record ProcessedCharge(Wallet wallet, Transaction transaction, Card card) {
    }

    /**
     * Opens the provider's checkout for {@code amount} into the wallet.
     *
     * @param callbackUrl where the provider's page sends the user afterwards (null: Coffer's own done page, which
     *                    only an embedded Coffer with a port serves: with Stripe it is required); any
     *                    http(s) URL, as in a signed partner request: the application embedding Coffer is the
     *                    partner, so a URL its users chose is its own to check
     * @param saveCard    offer to keep the card for later charges
     */
    public CardCharge initializeCardCharge(Wallet wallet, BigDecimal amount, String callbackUrl, boolean saveCard) {
        Money money = Library.money(amount, Currencies.of(wallet.currency()));
        if (callbackUrl == null && lib.config.provider() == ProviderMode.STRIPE) {
            throw WalletException.of(ErrorCode.INVALID_REQUEST, "A callbackUrl is needed: with Stripe, an embedded "
                    + "Coffer opens no port and serves no page to send the user back to");
        }
        Topup t = Library.typed(() -> lib.services.topups().createAsPartner(lib.principal(wallet.userRef()), new TopupRequest(wallet.id(),
                money.toDecimalString(), money.currencyCode(), callbackUrl, saveCard), null).orThrow());
        return new CardCharge(t.id(), t.checkoutUrl(), t.status().wire(), t.amount());
    }

    /** What the provider has confirmed for the charge with this reference. */
    public ChargeVerification verifyCardCharge(String reference) {
        Topup t = topup(reference);
        String status = switch (t.status()) {
            case COMPLETED -> "success";
            case FAILED -> "failed";
            case PENDING -> "pending";
        };
        return new ChargeVerification(t.id(), status, t.amount(), t.walletId(), t.transactionId(),
                t.failureReason() != null ? t.failureReason() : "success".equals(status) ? "Approved" : null);
    }

    /**
     * The wallet, the credit and the saved card of a successful charge. Coffer has already credited the
     * wallet when the provider confirmed; this never credits again.
     *
     * @throws TransactionFailedException when the charge has not succeeded
     */
    public ProcessedCharge processSuccessfulCardCharge(ChargeVerification verification) {
        ChargeVerification now = verifyCardCharge(verification.reference());
        if (!"success".equals(now.status())) {
            throw new TransactionFailedException(ErrorCode.INVALID_REQUEST,
                    "Charge " + now.reference() + " has not succeeded: it is " + now.status());
        }
        Topup t = topup(verification.reference());
        String userRef = lib.userRef(t.userId());
        Wallet wallet = WalletService.view(lib.ledger.wallet(lib.env(), t.walletId()).orElseThrow(), userRef);
        Transaction credit = Library.transaction(lib.ledger.movement(lib.env(), t.transactionId()).orElseThrow());
        Card card = t.saveCard() ? cards(wallet).stream().max(Comparator.comparing(Card::id)).orElse(null) : null;
        return new ProcessedCharge(wallet, credit, card);
    }

    /** The cards the wallet's user saved. */
    public List<Card> cards(Wallet wallet) {
        return lib.services.cards().list(lib.principal(wallet.userRef())).stream().map(CardService::card).toList();
    }

    /** Charges a saved card again into the wallet, without a page; answers the verification of that charge. */
    public ChargeVerification chargeSavedCard(Wallet wallet, Card card, BigDecimal amount) {
        Money money = Library.money(amount, Currencies.of(wallet.currency()));
        Topup t = Library.typed(() -> lib.services.cards().charge(lib.principal(wallet.userRef()), card.id(),
                new CardChargeRequest(wallet.id(), money.toDecimalString(), money.currencyCode()), null).orThrow());
        return verifyCardCharge(t.id());
    }

    /** Forgets a saved card. */
    public void removeCard(Wallet wallet, Card card) {
        Library.typed(() -> {
            lib.services.cards().remove(lib.principal(wallet.userRef()), card.id());
            return null;
        });
    }

    private Topup topup(String reference) {
        return lib.services.topups().find(reference).filter(t -> t.envId().equals(lib.env()))
                .orElseThrow(() -> WalletException.of(ErrorCode.NOT_FOUND, "No card charge " + reference));
    }

    private static Card card(coffer.server.card.Card c) {
        return new Card(c.id(), c.brand(), c.last4(), c.expMonth(), c.expYear());
    }
}
