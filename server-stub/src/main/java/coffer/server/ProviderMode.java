package coffer.server;

/**
 * Who moves money by card and bank for this server ({@code serve --provider}). Without a provider the
 * server is a ledger with no way in or out by card or bank: top-ups, card charges, bank-account
 * resolution, withdrawals and settlements answer 503 {@code PROVIDER_UNAVAILABLE}, and identity
 * submissions wait for the operator's decision ({@code kyc decide}).
 */
public enum ProviderMode {
    /** No payment provider: the safe default of a server that is not a demo. */
    NONE,
    /**
     * The bundled payment-provider simulator: hosted checkout and payout pages with test cards and
     * banks, its test helper, and the automatic KYC test verifier. For demos and tests only: anyone who
     * can reach it can pay a checkout with a test card.
     */
    SIMULATOR,
    /**
     * Stripe, through its official client: top-ups at Stripe Checkout, saved cards charged again, refunds,
     * and Stripe's signed events at {@code /webhooks/stripe}. Bank payouts (withdrawals, settlements, bank
     * accounts) answer 503 {@code PROVIDER_UNAVAILABLE}: they would need Stripe Connect. Identity
     * submissions wait for the operator, as with no provider. The keys come from {@code ServerSettings.stripe()}.
     */
    STRIPE;

    /**
     * Whether an embedded Coffer must listen (on loopback) for this provider: the simulator's hosted pages are
     * served by Coffer and its webhooks sent to it over HTTP. Stripe's events reach the embedding application's
     * own public endpoint, which hands them over in-process; without a provider nothing calls in at all.
     */
    public boolean needsPort() {
        return this == SIMULATOR;
    }

    /** What a server runs unless told otherwise: the simulator with the demo data, else none. */
    public static ProviderMode defaultFor(boolean demo) {
        return demo ? SIMULATOR : NONE;
    }
}
