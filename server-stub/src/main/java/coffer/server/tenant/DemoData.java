package coffer.server.tenant;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.query.HistoryQuery;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Currencies;
import coffer.core.money.Money;

import java.util.Currency;
import java.util.List;

/**
 * SPEC.md's demo data, seeded through the same operations as everything else and safe to run on
 * every start: environment {@code 123} with the seeds' sandbox secret, its user {@code 123}, and
 * alice and bob — each KYC-verified with a USD wallet funded with 1000.00 once.
 */
public final class DemoData {
    public static final String ENV_ID = "123";
    public static final String ENV_SECRET = "secret_t1CdN9S8yicG5eWLUOfhcWaOscVnFXns";
    public static final String PARTNER_USER_ID = "123";
    /** alice's and bob's password, as SPEC.md gives it. */
    public static final String PASSWORD = "demo-password";
    /**
     * {@link #PASSWORD} hashed once with {@code PasswordHasher.standard()}: the password is public, so a fixed
     * salt hides nothing, and no start spends an Argon2 hash on it.
     */
    public static final String PASSWORD_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$aOvIujEL8pgVe0nZ+nIGiA$gvpheTiyGeMI9dTL0GGGnU6Z/E9dL3gyyihOIY76qoI";
    public static final List<String> EMAILS = List.of("alice@example.com", "bob@example.com");
    public static final Money OPENING_BALANCE = Money.parse("1000.00", "USD");

    private DemoData() {
    }

    /**
     * Seeds the demo data; repeating it changes nothing.
     *
     * @param passwordHash the hash of the demo password for alice and bob, or null where sign-in is not needed
     */
    public static void seed(LedgerService ledger, String passwordHash) {
        Tenants tenants = new Tenants(ledger);
        tenants.ensureEnvironment(new EnvId(ENV_ID), "Demo", ENV_SECRET, null, KycLimitTable.defaults());
        fund(ledger, tenants.ensureUser(NewUser.byExternalId(new EnvId(ENV_ID), PARTNER_USER_ID,
                "Demo user 123").kyc(KycStatus.VERIFIED, KycTier.TIER_1)).orThrow());
        for (String email : EMAILS) {
            String name = Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('@'));
            fund(ledger, tenants.ensureUser(NewUser.byEmail(new EnvId(ENV_ID), email,
                    name).passwordHash(passwordHash).kyc(KycStatus.VERIFIED, KycTier.TIER_1)).orThrow());
        }
    }

    private static void fund(LedgerService ledger, User user) {
        Currency usd = Currencies.of("USD");
        WalletSnapshot wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(ENV_ID), new UserId(user.id()), usd)).orThrow();
        if (!ledger.history(ENV_ID, HistoryQuery.of(wallet.id(), 1)).movements().isEmpty()) {
            return;
        }
        // the key keeps two servers seeding at once from both funding the wallet
        ledger.deposit(SystemMoveCommand.of(new EnvId(ENV_ID), new WalletId(wallet.id()), OPENING_BALANCE,
                Memo.reference("demo-opening-balance").withDescription("Opening balance")),
                new IdempotencyKey("demo-seed", "opening-balance-" + user.id())).orThrow();
    }
}
