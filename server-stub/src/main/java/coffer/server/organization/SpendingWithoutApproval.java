package coffer.server.organization;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.ledger.LedgerReads;
import coffer.server.ledger.WalletSnapshot;

import java.util.Map;
import java.util.Optional;

/**
 * Money out of an organization's wallet that cannot wait for an approval, as a payment or a withdrawal above the
 * organization's threshold does: an order completes at once, as does a Java library purchase.
 */
public final class SpendingWithoutApproval {
    private SpendingWithoutApproval() {
    }

    /**
     * Money out of an organization's wallet that cannot wait for an approval (an order, a library purchase): refused
     * (FORBIDDEN) when {@code actingUserId}, a member, spends above the organization's approval threshold, which a payment
     * or withdrawal would wait on. Says nothing to anyone who is not a member: the ledger then answers that the wallet
     * does not exist.
     */
    public static void require(LedgerReads ledger, String envId, String walletId, String actingUserId,
                                               Money amount) {
        if (actingUserId == null) {
            return;
        }
        WalletSnapshot wallet = ledger.wallet(envId, walletId).orElse(null);
        if (wallet == null || wallet.organizationId() == null
                || ledger.memberRole(wallet.organizationId(), actingUserId).isEmpty()) {
            return;
        }
        Optional<Long> threshold = ledger.approvalThreshold(wallet.organizationId(), amount.currency());
        if (threshold.isPresent() && amount.minor() > threshold.get()) {
            String limit = Money.ofMinor(amount.currency(), threshold.get()).toDecimalString();
            throw new CofferException(ErrorCode.FORBIDDEN, amount.toDecimalString() + " " + amount.currencyCode()
                    + " is above the organization's approval threshold of " + limit + " " + amount.currencyCode()
                    + ", and an order cannot wait for an approval: pay it as a payment, which another owner or admin"
                    + " approves", Map.of("approval_threshold", limit, "wallet_id", walletId));
        }
    }
}
