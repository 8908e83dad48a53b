package coffer.app.home;

/**
 * What is available in one currency over all the user's wallets, as Home shows it.
 *
 * @param currency its ISO code, "USD"
 * @param name     the currency's name in the user's language: "US Dollar", "Dólar estadounidense"
 * @param amount   the sum, formatted: "1,025.00 USD"
 * @param wallets  over how many wallets, in words: "in 2 wallets"
 */
public record CurrencyTotal(String currency, String name, String amount, String wallets) {
}
