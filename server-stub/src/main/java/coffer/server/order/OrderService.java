package coffer.server.order;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.HistoryCursor;
import coffer.server.ledger.query.HistoryPage;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.server.auth.Principal;
import coffer.server.json.Json;
import coffer.server.ledger.query.HistoryCursor;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.organization.SpendingWithoutApproval;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.WalletSnapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * "Pay an order" for signed-in users: a product of the caller's environment's catalogue, paid from one of
 * their wallets exactly as the partner API's {@code POST /wallet/payment/} pays it (a payment movement to
 * the merchant account, reference and metadata {@code product_id}), so the partner's orders list shows it.
 * The price is the catalogue's; the ledger decides the rest (ownership, status, currency, limits, funds).
 */
public final class OrderService {
    private final LedgerService ledger;
    private final Catalogue catalogue;

    public OrderService(LedgerService ledger, Catalogue catalogue) {
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    /** The products the caller can buy. */
    List<Product> products(Principal p) {
        return catalogue.active(p.envId());
    }

    /**
     * Buys {@code productId} from {@code walletId}; a replay with the same key answers the first order.
     *
     * @throws CofferException NOT_FOUND for a product the catalogue does not sell
     */
    Outcome<Movement> buy(Principal p, String walletId, String productId, IdempotencyKey key) {
        Product product = catalogue.find(p.envId(), productId).filter(Product::active)
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Product " + productId + " was not found.",
                        Map.of("product_id", productId)));
        SpendingWithoutApproval.require(ledger, p.envId(), walletId, p.userId(), product.price());
        String metadata = Json.gson().toJson(Map.of("product_id", product.productId()));
        return ledger.pay(new SystemMoveCommand(new EnvId(p.envId()), UserId.ofNullable(p.userId()),
                new WalletId(walletId),
                product.price(),
                Memo.reference(product.productId()).withDescription(product.name()).withMetadata(metadata)), key);
    }

    /** A page of the caller's orders, newest first, and where the next starts (or null). */
    record Page(List<Movement> orders, HistoryCursor next) {
    }

    /**
     * The caller's orders, newest first: the payments that left their wallets.
     *
     * @param after the previous page's {@code next}, or null for the first
     */
    Page orders(Principal p, HistoryCursor after, int limit) {
        List<String> mine = ledger.walletsVisibleTo(p.envId(), p.userId()).stream().map(WalletSnapshot::id).toList();
        if (mine.isEmpty()) {
            return new Page(List.of(), null);
        }
        HistoryPage page = after == null
                ? ledger.history(p.envId(), new HistoryQuery(mine, Set.of(TransactionKind.PAYMENT), Set.of(), null, null, null,
                        null, null, limit))
                : ledger.historyAfter(p.envId(), after, Set.copyOf(mine)).orThrow();
        return new Page(page.movements().stream().filter(m -> mine.contains(m.debitAccount())).toList(), page.next());
    }

    /** Names products by id (the catalogue's name, or the id of one no longer there), asking once per product. */
    UnaryOperator<String> names(Principal p) {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, k -> catalogue.find(p.envId(), k).map(Product::name).orElse(k));
    }

    /** {@code paid}, {@code partially_refunded} or {@code refunded}, as the partner API says it. */
    static String status(Movement m) {
        return m.refunded().isZero() ? "paid" : m.refundable().isZero() ? "refunded" : "partially_refunded";
    }
}
