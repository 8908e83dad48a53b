/**
 * Request and response types of the user API ({@code /api/v1}), shared by the server, the app and any
 * Java client. Plain records with camel-case components; on the wire every name is lower snake case
 * ({@code availableBalance} is {@code available_balance}), which both ends get from one JSON naming
 * policy rather than annotations, so this package needs nothing but the JDK.
 *
 * <p>Amounts are decimal strings with exactly the currency's decimals ({@code "1000.00"}); requests
 * may send a JSON number or a string, and either is read as exact text and parsed with
 * {@link coffer.core.money.Money#parse(String, java.util.Currency)}. No type here holds a
 * {@code double}.
 */
package coffer.core.api;
