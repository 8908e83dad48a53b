package coffer.app.history;

import coffer.app.local.LedgerFilter;
import coffer.app.local.LocalLedger;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.money.Money;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * History from the local copy of the ledger: the same query parameters as the server's list, answered
 * with no network. The cursor carries the filters and the position, like the server's.
 */
public final class LocalHistorySource implements HistorySource {
    private static final int DEFAULT_LIMIT = 50;
    private static final String AFTER_CREATED = "after_created";
    private static final String AFTER_ID = "after_id";

    private final LocalLedger ledger;

    public LocalHistorySource(LocalLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public List<AccountView> wallets() {
        return ledger.wallets();
    }

    @Override
    public TransactionList transactions(Map<String, String> query) {
        Map<String, String> q = query.containsKey("cursor") ? decode(query.get("cursor")) : query;
        LocalLedger.Keyset after = q.containsKey(AFTER_CREATED) ? new LocalLedger.Keyset(q.get(AFTER_CREATED), q.get(AFTER_ID)) : null;
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : DEFAULT_LIMIT;
        LocalLedger.HistoryPage page = ledger.history(filter(q), after, limit);
        String next = null;
        if (page.next() != null) {
            Map<String, String> more = new LinkedHashMap<>(q);
            more.put(AFTER_CREATED, page.next().createdAt());
            more.put(AFTER_ID, page.next().id());
            next = encode(more);
        }
        return new TransactionList(page.transactions(), next, next != null);
    }

    private LedgerFilter filter(Map<String, String> q) {
        String wallet = q.get("wallet_id");
        String currency = q.get("currency");
        if (currency == null && wallet != null) {
            currency = ledger.wallets().stream().filter(w -> w.id().equals(wallet)).map(AccountView::currency)
                    .findFirst().orElse(null);
        }
        return new LedgerFilter(wallet, list(q.get("kind")), list(q.get("status")), instant(q.get("from"), false),
                instant(q.get("to"), true), minor(q.get("min_amount"), currency), minor(q.get("max_amount"), currency),
                q.get("q"));
    }

    private static Set<String> list(String value) {
        return value == null ? Set.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** A date (UTC; as the end, the whole day is included) or an instant with an offset, as the server reads them. */
    private static Instant instant(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static Long minor(String amount, String currency) {
        return amount == null || amount.isBlank() || currency == null ? null : Money.parse(amount, currency).minor();
    }

    private static String encode(Map<String, String> query) {
        String text = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> decode(String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
