package coffer.server.bench;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.server.ledger.LedgerService;
import coffer.server.tenant.User;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What the benchmark moves money between: one environment, and per submitter a verified user with
 * two USD wallets, the first topped up. Transfers go back and forth between a user's two wallets, so
 * they never run out of money and never hit a KYC limit (a transfer between one's own wallets does
 * not count against the daily limit, and the user's total stays under the maximum balance).
 */
record Population(String envId, List<Pair> pairs) {
    static final String ENV = "bench";
    static final Currency USD = Currency.getInstance("USD");
    static final Money FUNDING = Money.parse("10000.00", USD);
    static final Money AMOUNT = Money.parse("1.00", USD);

    /** One user's two wallets. */
    record Pair(String userId, String a, String b) {
    }

    static Population create(LedgerService ledger, int pairs) {
        new Tenants(ledger).ensureEnvironment(new EnvId(ENV), "Benchmark", "bench-secret", null, KycLimitTable.defaults());
        List<Pair> list = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            String email = "user" + i + "@bench.example";
            User user = new Tenants(ledger).ensureUser(NewUser.byEmail(new EnvId(ENV), email,
                    "User " + i).kyc(KycStatus.VERIFIED, KycTier.TIER_1)).orThrow();
            String a = ledger.openWallet(NewWallet.inCurrency(new EnvId(ENV), new UserId(user.id()), USD)).orThrow().id();
            String b = ledger.openWallet(NewWallet.additional(new EnvId(ENV), new UserId(user.id()), USD)).orThrow().id();
            ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(a), FUNDING, Memo.description("funding")),
                    null).orThrow();
            list.add(new Pair(user.id(), a, b));
        }
        return new Population(ENV, List.copyOf(list));
    }
}
