package coffer.server.organization;

import coffer.core.money.Money;

import java.util.Currency;

/**
 * An organization: a holder of wallets whose members act for it.
 *
 * @param currency          its first wallet's currency, the one its approval threshold is in
 * @param approvalThreshold minor units of {@code currency}, or null when none is set
 */
public record StoredOrganization(String id, String envId, String name, Currency currency, Long approvalThreshold) {

    /** The approval threshold as decimal text, or null when none is set. */
    public String approvalThresholdText() {
        return approvalThreshold == null ? null : Money.ofMinor(currency, approvalThreshold).toDecimalString();
    }
}
