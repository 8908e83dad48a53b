package example;

import coffer.core.money.Money;
import coffer.server.library.Coffer;
import coffer.server.library.CofferConfig;
import coffer.server.library.EscrowService;
import coffer.server.library.WalletException;
import coffer.server.library.Wallet;
import coffer.server.library.WalletService;

import java.math.BigDecimal;

import static example.Example.expect;
import static example.Example.say;
import static example.Example.show;

/**
 * A marketplace with escrow: the buyer's money is held when an order is placed (their available balance drops,
 * nothing has left yet), released to the seller less the platform's fee when the order is delivered, or given
 * back when it is cancelled. The fee is 2.5 %, split in whole cents by {@link Money#allocate}, never by a
 * floating-point multiplication. Completing again (the same call repeated) moves nothing; a delivered order
 * cannot be refunded.
 *
 * <p>Run: {@code java -cp ... example.MarketplaceEscrow [data-folder]}
 */
public final class MarketplaceEscrow {

    /** The platform keeps 25 parts in 1000 (2.5 %), the seller the other 975. */
    private static final long SELLER_PARTS = 975;
    private static final long FEE_PARTS = 25;

    private MarketplaceEscrow() {
    }

    public static void main(String[] args) throws Exception {
        try (Coffer coffer = Coffer.open(CofferConfig.sqlite(Example.dataDir(args)))) {
            WalletService wallets = coffer.wallets();
            EscrowService escrow = coffer.escrow();
            Wallet buyer = wallets.getWallet("dana");
            Wallet seller = wallets.getWallet("eli-ceramics");
            wallets.deposit(buyer, new BigDecimal("200.00"), "Top-up");

            EscrowService.Order vase = place(escrow, buyer, seller, "80.00", "Order #1: blue vase");
            EscrowService.Order bowl = place(escrow, buyer, seller, "45.50", "Order #2: salad bowl");
            buyer = wallets.refresh(buyer);
            say("both orders in escrow: " + show(buyer));
            expect(buyer.available(), "74.50", "the buyer's available balance while 125.50 is held");
            expect(buyer.balance(), "200.00", "the buyer's balance while the money is only held");

            escrow.completeOrder(vase, "Vase delivered");
            escrow.completeOrder(vase, "Vase delivered");   // the courier confirms twice: the repeat moves nothing
            say("vase delivered: the seller gets " + vase.amount().minus(vase.platformFee()) + ", the platform "
                    + vase.platformFee());

            escrow.refundOrder(bowl, "Bowl out of stock");
            say("bowl cancelled: " + bowl.amount() + " back to the buyer");
            try {
                escrow.refundOrder(vase, "Changed my mind");
                expect(false, "a delivered order was refunded");
            } catch (WalletException e) {
                say("refused: " + e.code() + " - " + e.getMessage());
            }

            buyer = wallets.refresh(buyer);
            seller = wallets.refresh(seller);
            say(show(buyer));
            say(show(seller));
            expect(buyer.balance(), "120.00", "the buyer paid for the vase only");
            expect(buyer.available(), "120.00", "nothing of the buyer's is held any more");
            expect(seller.balance(), "78.00", "the seller got the vase's price less 2.5 %");
            say("marketplace escrow: ok");
        }
    }

    private static EscrowService.Order place(EscrowService escrow, Wallet buyer, Wallet seller, String price,
                                             String description) {
        Money[] split = Money.parse(price, buyer.currency()).allocate(SELLER_PARTS, FEE_PARTS);
        EscrowService.Order order = escrow.placeOrder(buyer, seller, new BigDecimal(price), split[1].toBigDecimal(),
                description);
        say(description + ": " + order.amount() + " held, fee " + order.platformFee());
        return order;
    }
}
