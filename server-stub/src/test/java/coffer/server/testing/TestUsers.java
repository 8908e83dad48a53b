package coffer.server.testing;

import coffer.server.ledger.NewWallet;
import coffer.server.tenant.KycChange;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users of their own for tests that share one server: each is registered fresh, verified, and holds a
 * funded USD wallet, so tests do not see each other's movements. Money moves through the ledger service.
 */
public final class TestUsers {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestUsers() {
    }

    /** A signed-in user with their id, email and first wallet. */
    public record User(TestServer.Caller caller, String id, String email, String walletId) {
    }

    /** A fresh verified user whose USD wallet holds {@code amount} (none when "0.00"). */
    public static User funded(TestServer server, String name, String amount) {
        String email = name + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
        TestServer.Caller caller = server.register(email);
        LedgerService ledger = server.server().ledger();
        String id = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), email).orElseThrow().id();
        new Tenants(ledger).setKyc(new KycChange(new EnvId(DemoData.ENV_ID), new UserId(id), KycStatus.PENDING, null,
                "test", "test user")).orThrow();
        new Tenants(ledger).setKyc(new KycChange(new EnvId(DemoData.ENV_ID), new UserId(id), KycStatus.VERIFIED,
                KycTier.TIER_1, "test", "test user")).orThrow();
        String wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(DemoData.ENV_ID), new UserId(id),
                java.util.Currency.getInstance("USD"))).orThrow().id();
        Money money = Money.parse(amount, "USD");
        if (!money.isZero()) {
            ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet), money,
                    Memo.description("Opening deposit")), null).orThrow();
        }
        return new User(caller, id, email, wallet);
    }

    /** Sends {@code amount} USD from one user's wallet to another's, as a P2P payment. */
    public static void p2p(TestServer server, User from, User to, String amount, String description) {
        server.server().ledger().p2p(new MoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(from.id()),
                new WalletId(from.walletId()), new WalletId(to.walletId()), Money.parse(amount, "USD"),
                Memo.description(description)), null).orThrow();
    }
}
