package coffer.server.gateway;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;

import java.util.Optional;

/** {@link PaymentProvider#none()}: a server with no way in or out by card or bank. */
final class NoProvider implements PaymentProvider {
    static final NoProvider INSTANCE = new NoProvider();
    private static final String MESSAGE = "This server has no payment provider: card and bank payments are not available.";

    private NoProvider() {
    }

    @Override
    public void requireAvailable() {
        throw new CofferException(ErrorCode.PROVIDER_UNAVAILABLE, MESSAGE);
    }

    @Override
    public Result<CheckoutSession> createCheckout(CheckoutRequest request) {
        return refused();
    }

    @Override
    public Result<CheckoutSession> checkout(String sessionId) {
        return refused();
    }

    @Override
    public Result<Charge> chargeSavedCard(String authorizationCode, Money amount, String reference) {
        return refused();
    }

    @Override
    public Result<Optional<String>> resolveAccountName(String bankCode, String accountNumber) {
        return refused();
    }

    @Override
    public Result<Payout> createPayout(PayoutRequest request) {
        return refused();
    }

    @Override
    public Result<PayoutLink> createPayoutLink(PayoutLinkRequest request) {
        return refused();
    }

    @Override
    public Result<Refund> refund(String chargeId, Money amount, String reference) {
        return refused();
    }

    private static <T> Result<T> refused() {
        return Result.rejected(ErrorCode.PROVIDER_UNAVAILABLE, MESSAGE);
    }
}
