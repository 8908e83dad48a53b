package coffer.server.history;

import coffer.server.ledger.query.HistoryQuery;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.http.QueryParams;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.WalletSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query string of {@code /api/v1/transactions} and its CSV export, read strictly: an unknown
 * parameter, a repeated single-valued one, or a value that does not parse is INVALID_REQUEST naming it;
 * another user's wallet is WALLET_NOT_FOUND.
 *
 * <ul>
 *   <li>{@code wallet_id}: one of the caller's wallets (default: all of them, closed ones included)</li>
 *   <li>{@code currency}: only the caller's wallets in this currency</li>
 *   <li>{@code kind}, {@code status}: wire names, comma-separated or repeated</li>
 *   <li>{@code from} (inclusive), {@code to}: an ISO date (UTC; as {@code to} it includes that whole day)
 *       or an ISO instant with offset (as {@code to}, exclusive), in the years 0000 to 9999</li>
 *   <li>{@code min_amount}, {@code max_amount}: exact decimal text in the wallets' currency, inclusive;
 *       when the selected wallets hold several currencies, {@code currency} or {@code wallet_id} must say which</li>
 *   <li>{@code q}: text in the description, reference, counterparty (email or wallet id) or id</li>
 *   <li>{@code limit}: 1 to {@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT} (not for the export)</li>
 * </ul>
 */
final class HistoryFilters {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_TEXT = 100;
    static final Set<String> FILTERS = Set.of("wallet_id", "currency", "kind", "status", "from", "to", "min_amount",
            "max_amount", "q");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * What to list: the query, and the wallets whose side the movements are shown from.
     *
     * @param query null when the selection holds no wallet (nothing to list)
     */
    record Selection(HistoryQuery query, List<String> walletIds) {
    }

    private HistoryFilters() {
    }

    /**
     * @param params    the query string, name to values
     * @param wallets   the caller's wallets
     * @param allowed   the parameter names this route takes besides {@link #FILTERS}
     * @param pageLimit the page size when the route takes no {@code limit}
     */
    static Selection parse(Map<String, List<String>> params, List<WalletSnapshot> wallets, Set<String> allowed, int pageLimit) {
        Set<String> known = new java.util.HashSet<>(FILTERS);
        known.addAll(allowed);
        QueryParams.requireKnown(params, known);
        List<WalletSnapshot> selected = new ArrayList<>(wallets);
        String walletId = QueryParams.single(params, "wallet_id");
        if (walletId != null) {
            selected.removeIf(w -> !w.id().equals(walletId));
            if (selected.isEmpty()) {
                throw new CofferException(ErrorCode.WALLET_NOT_FOUND, "Wallet " + walletId + " was not found.",
                        Map.of("wallet_id", walletId));
            }
        }
        String currencyCode = QueryParams.single(params, "currency");
        if (currencyCode != null) {
            Currency currency = parse("currency", currencyCode, Currencies::of);
            selected.removeIf(w -> !w.currency().equals(currency));
        }
        Set<TransactionKind> kinds = list(params, "kind", TransactionKind.class, TransactionKind::fromWire);
        Set<TransactionStatus> statuses = list(params, "status", TransactionStatus.class, TransactionStatus::fromWire);
        Instant from = instant(params, "from", false);
        Instant to = instant(params, "to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw QueryParams.invalid("from", "'from' must not be after 'to'.");
        }
        String minText = QueryParams.single(params, "min_amount");
        String maxText = QueryParams.single(params, "max_amount");
        Money min = null;
        Money max = null;
        if ((minText != null || maxText != null) && !selected.isEmpty()) {
            Set<Currency> currencies = new LinkedHashSet<>();
            selected.forEach(w -> currencies.add(w.currency()));
            if (currencies.size() > 1) {
                throw QueryParams.invalid(minText != null ? "min_amount" : "max_amount", "Your wallets hold several currencies; "
                        + "say which with 'currency' or 'wallet_id' to filter by amount.");
            }
            Currency currency = currencies.iterator().next();
            min = amount("min_amount", minText, currency);
            max = amount("max_amount", maxText, currency);
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw QueryParams.invalid("min_amount", "'min_amount' must not be more than 'max_amount'.");
            }
        }
        String text = QueryParams.single(params, "q");
        if (text != null && text.strip().length() > MAX_TEXT) {
            throw QueryParams.invalid("q", "'q' may be at most " + MAX_TEXT + " characters.");
        }
        int limit = allowed.contains("limit") ? QueryParams.limit(params, DEFAULT_LIMIT, MAX_LIMIT) : pageLimit;
        List<String> ids = selected.stream().map(WalletSnapshot::id).toList();
        HistoryQuery query = ids.isEmpty() ? null
                : new HistoryQuery(ids, kinds, statuses, from, to, min, max, text == null ? null : text.strip(), limit);
        return new Selection(query, ids);
    }

    private static <E extends Enum<E>> Set<E> list(Map<String, List<String>> params, String name, Class<E> type,
                                                   Function<String, E> fromWire) {
        Set<E> values = EnumSet.noneOf(type);
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",", -1)) {
                if (part.isBlank()) {
                    throw QueryParams.invalid(name, "'" + name + "' has an empty value.");
                }
                values.add(parse(name, part.strip(), fromWire));
            }
        }
        return values;
    }

    private static Instant instant(Map<String, List<String>> params, String name, boolean end) {
        String text = QueryParams.single(params, name);
        if (text == null) {
            return null;
        }
        Instant instant = DATE.matcher(text).matches()
                ? parse(name, text, t -> LocalDate.parse(t).plusDays(end ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant())
                : parse(name, text, t -> OffsetDateTime.parse(t).toInstant());
        if (HistoryQuery.outOfRange(instant)) {
            throw QueryParams.invalid(name, "'" + name + "' must be a date from year 0000 to 9999.");
        }
        return instant;
    }

    private static Money amount(String name, String text, Currency currency) {
        if (text == null) {
            return null;
        }
        Money money = parse(name, text, t -> Money.parse(t, currency));
        if (money.isNegative()) {
            throw QueryParams.invalid(name, "'" + name + "' must not be negative.");
        }
        return money;
    }

    /** {@code reader} applied to {@code text}, any failure being INVALID_REQUEST naming the parameter. */
    private static <T> T parse(String name, String text, Function<String, T> reader) {
        try {
            return reader.apply(text);
        } catch (CofferException | IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw QueryParams.invalid(name, "'" + name + "' is not valid: " + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + (e instanceof CofferException ce ? " (" + ce.getMessage() + ")" : "") + ".");
        }
    }
}
