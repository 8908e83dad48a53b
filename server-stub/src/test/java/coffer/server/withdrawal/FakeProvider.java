package coffer.server.withdrawal;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.server.gateway.PaymentProvider;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A provider for service tests: bank accounts it knows, and for each account number how its payouts
 * end ({@link PayoutStatus}) or that the provider refuses them; saved cards it charges successfully.
 * Records what it was asked.
 */
public final class FakeProvider implements PaymentProvider {
    /** What a payout to an account number does. */
    public enum Behaviour { SUCCEED, FAIL, PEND, ERROR }

    public final List<PayoutRequest> payouts = new CopyOnWriteArrayList<>();
    public final List<PayoutLinkRequest> links = new CopyOnWriteArrayList<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    /** Runs when a payout has been asked for, just before the provider answers. */
    public volatile Runnable beforeAnswer = () -> { };
    /** The references (top-up ids) of the saved-card charges asked for, in order. */
    public final List<String> charges = new CopyOnWriteArrayList<>();
    /** Runs with a charge's reference when it has been asked for, just before the provider answers. */
    public volatile Consumer<String> beforeCharge = reference -> { };

    /** Knows the account, whose payouts behave as {@code behaviour}. */
    public FakeProvider account(String bankCode, String number, String holder, Behaviour behaviour) {
        names.put(bankCode + "/" + number, holder);
        behaviours.put(number, behaviour);
        return this;
    }

    @Override
    public Result<Optional<String>> resolveAccountName(String bankCode, String accountNumber) {
        return Result.ok(Optional.ofNullable(names.get(bankCode + "/" + accountNumber)));
    }

    @Override
    public Result<Payout> createPayout(PayoutRequest request) {
        payouts.add(request);
        String id = "po_" + payouts.size();
        beforeAnswer.run();
        return switch (behaviours.getOrDefault(request.accountNumber(), Behaviour.SUCCEED)) {
            case SUCCEED -> Result.ok(new Payout(id, request.reference(), PayoutStatus.SUCCEEDED, request.amount(), null));
            case FAIL -> Result.ok(new Payout(id, request.reference(), PayoutStatus.FAILED, request.amount(), "account_closed"));
            case PEND -> Result.ok(new Payout(id, request.reference(), PayoutStatus.PENDING, request.amount(), null));
            case ERROR -> Result.rejected(ErrorCode.PROVIDER_ERROR, "the provider is down");
        };
    }

    @Override
    public Result<PayoutLink> createPayoutLink(PayoutLinkRequest request) {
        links.add(request);
        return Result.ok(new PayoutLink("pl_" + links.size(), request.reference(),
                URI.create("http://provider.test/payout/pl_" + links.size()), Instant.now().plus(request.expiresIn())));
    }

    @Override
    public Result<CheckoutSession> createCheckout(CheckoutRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Result<CheckoutSession> checkout(String sessionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Result<Charge> chargeSavedCard(String authorizationCode, Money amount, String reference) {
        charges.add(reference);
        beforeCharge.accept(reference);
        return Result.ok(new Charge("ch_" + reference, reference, ChargeStatus.SUCCEEDED, amount, null));
    }

    @Override
    public Result<Refund> refund(String chargeId, Money amount, String reference) {
        throw new UnsupportedOperationException();
    }
}
