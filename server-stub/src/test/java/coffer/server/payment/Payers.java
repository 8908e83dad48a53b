package coffer.server.payment;

import coffer.server.ledger.NewWallet;
import coffer.server.tenant.KycChange;
import coffer.server.ledger.UserId;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;

/** Users with money for payment tests, and reading payments back over HTTP. */
final class Payers {
    private Payers() {
    }

    /** A newly registered user with a USD wallet holding {@code amount}; KYC-verified (tier 1) unless {@code unverified}. */
    static Caller funded(TestServer server, String email, String amount, boolean unverified) {
        Caller caller = server.register(email);
        String wallet = Caller.json(caller.post("/api/v1/accounts", "{\"currency\":\"USD\"}"))
                .getAsJsonObject("account").get("id").getAsString();
        LedgerService ledger = server.server().ledger();
        String userId = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), email).orElseThrow().id();
        if (!unverified) {
            new Tenants(ledger).setKyc(new KycChange(new EnvId(DemoData.ENV_ID), new UserId(userId), KycStatus.PENDING,
                    null, "test", "submitted for the test")).orThrow();
            new Tenants(ledger).setKyc(new KycChange(new EnvId(DemoData.ENV_ID), new UserId(userId), KycStatus.VERIFIED,
                    KycTier.TIER_1, "test", "verified for the test")).orThrow();
        }
        ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet), Money.parse(amount,
                "USD"),
                Memo.description("test funds")), null).orThrow();
        return caller;
    }

    /** A further USD wallet of the user's, opened through the ledger (the user API keeps one per currency). */
    static String secondWallet(TestServer server, String email) {
        LedgerService ledger = server.server().ledger();
        String userId = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), email).orElseThrow().id();
        return ledger.openWallet(NewWallet.additional(new EnvId(DemoData.ENV_ID), new UserId(userId), Currency.getInstance("USD"))).orThrow().id();
    }

    static String balance(Caller caller) {
        return Caller.json(caller.get("/api/v1/accounts/" + caller.firstWalletId())).getAsJsonObject("account")
                .get("balance").getAsString();
    }

    static String code(HttpResponse<String> r) {
        return Caller.json(r).getAsJsonObject("error").get("code").getAsString();
    }

    /** Polls the payment until it is completed or failed, as seed 003 does. */
    static JsonObject settled(Caller caller, String paymentId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonObject payment = Caller.json(caller.get("/api/v1/payments/" + paymentId));
            if (Set.of("completed", "failed").contains(payment.get("status").getAsString()) || Instant.now().isAfter(deadline)) {
                return payment;
            }
            Thread.sleep(10);
        }
    }

    static String payment(String sourceWallet, String destination, String amount) {
        return "{\"amount\":" + amount + ",\"currency\":\"USD\",\"source_wallet_id\":\"" + sourceWallet
                + "\",\"destination\":\"" + destination + "\",\"description\":\"test\"}";
    }
}
