package coffer.server.library;

import coffer.server.ledger.HoldId;
import coffer.server.ledger.VoidCommand;
import coffer.server.ledger.CaptureCommand;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.HoldCommand;
import coffer.server.ledger.EnvId;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/**
 * Seed 002's escrow marketplace, with the money really held: placing an order holds the buyer's money
 * into the environment's escrow account; completing it releases the price minus the platform fee to
 * the seller and the fee to the fees account; refunding it voids the hold, so the buyer's money never
 * left. Completing and refunding are safe to repeat (each step moves money once), and an order can be
 * completed or refunded, never both.
 */
public final class EscrowService {
    /** How long an order may stay open before its hold expires and the buyer gets the money back. */
    public static final Duration DEFAULT_HOLD = Duration.ofDays(30);

    private final Library lib;

    EscrowService(Library lib) {
        this.lib = lib;
    }

    /** An order whose money is in escrow. */
    public record Order(String id, String holdId, String buyerWalletId, String sellerWalletId, Money amount, Money platformFee) {
    }

    public Order placeOrder(Wallet buyer, Wallet seller, BigDecimal amount, BigDecimal platformFee, String description) {
        Currency currency = Currencies.of(buyer.currency());
        Money price = Library.money(amount, currency);
        Money fee = platformFee.signum() == 0 ? Money.zero(currency) : Library.money(platformFee, currency);
        if (fee.compareTo(price) > 0) {
            throw WalletException.of(ErrorCode.INVALID_AMOUNT, "The platform fee " + fee + " is more than the price " + price);
        }
        if (!seller.currency().equals(buyer.currency())) {
            throw WalletException.of(ErrorCode.CURRENCY_MISMATCH, "The seller's wallet holds " + seller.currency()
                    + " but the order is in " + buyer.currency());
        }
        String escrow = LedgerService.systemAccount(lib.env(), AccountKind.ESCROW, currency);
        Movement hold = Library.orThrow(lib.ledger.hold(new HoldCommand(new EnvId(lib.env()), null,
                TransactionKind.PAYMENT,
                new WalletId(buyer.id()), new WalletId(escrow), price, Instant.now().plus(DEFAULT_HOLD),
                Memo.description(description)), null).result());
        return new Order(hold.id(), hold.holdId(), buyer.id(), seller.id(), price, fee);
    }

    /** Captures the buyer's money into escrow, pays the seller the price minus the fee, and takes the fee. */
    public Transaction completeOrder(Order order, String description) {
        Library.orThrow(lib.ledger.capture(CaptureCommand.all(new EnvId(lib.env()), new HoldId(order.holdId())),
                lib.key("escrow:" + order.id() + ":capture")).result());
        Money toSeller = order.amount().minus(order.platformFee());
        Transaction paid = null;
        if (!toSeller.isZero()) {
            SystemMoveCommand release = SystemMoveCommand.of(new EnvId(lib.env()), new WalletId(order.sellerWalletId()),
                    toSeller,
                    Memo.reference(order.id()).withDescription(description));
            paid = Library.transaction(Library.orThrow(lib.ledger.releaseFromEscrow(release,
                    lib.key("escrow:" + order.id() + ":release")).result()));
        }
        if (!order.platformFee().isZero()) {
            Library.orThrow(lib.ledger.collectFee(SystemMoveCommand.of(new EnvId(lib.env()),
                    new WalletId(LedgerService.systemAccount(lib.env(), AccountKind.ESCROW, order.amount().currency())),
                    order.platformFee(), Memo.reference(order.id()).withDescription("Platform fee")),
                    lib.key("escrow:" + order.id() + ":fee")).result());
        }
        return paid;
    }

    /** Gives the buyer their money back: the hold is voided. Refused once the order was completed. */
    public void refundOrder(Order order, String reason) {
        Library.orThrow(lib.ledger.voidHold(new VoidCommand(new EnvId(lib.env()), new HoldId(order.holdId()),
                reason == null ? "Order refunded" : reason), lib.key("escrow:" + order.id() + ":void")).result());
    }
}
