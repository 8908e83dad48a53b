package example;

import coffer.core.error.ErrorCode;
import coffer.server.library.Coffer;
import coffer.server.library.CofferConfig;
import coffer.server.library.InsufficientFundsException;
import coffer.server.library.InvalidAmountException;
import coffer.server.library.Transaction;
import coffer.server.library.TransactionService;
import coffer.server.library.Wallet;
import coffer.server.library.WalletLockedException;
import coffer.server.library.WalletService;

import java.math.BigDecimal;
import java.util.List;

import static example.Example.expect;
import static example.Example.say;
import static example.Example.show;

/**
 * A simple wallet app: each user of the application gets a wallet on first use, money goes in, between users
 * and out, and every refusal is a typed exception the application can word for its user. No provider and no
 * HTTP port: the ledger is the application's own SQLite file.
 *
 * <p>Run: {@code java -cp ... example.SimpleWallet [data-folder]}
 */
public final class SimpleWallet {

    private SimpleWallet() {
    }

    public static void main(String[] args) throws Exception {
        try (Coffer coffer = Coffer.open(CofferConfig.sqlite(Example.dataDir(args)))) {
            WalletService wallets = coffer.wallets();
            TransactionService transactions = coffer.transactions();

            Wallet ada = wallets.getWallet("ada");
            Wallet ben = wallets.getWallet("ben");
            wallets.deposit(ada, new BigDecimal("50.00"), "Welcome bonus");
            Transaction lunch = wallets.transfer(ada, ben, new BigDecimal("12.50"), "Lunch");
            say("ada paid ben " + lunch.amount() + " (" + lunch.type() + ", " + lunch.status() + ")");
            wallets.withdraw(ben, new BigDecimal("2.50"), "Coffee in the app's shop");

            try {
                wallets.transfer(ben, ada, new BigDecimal("10.01"), "More than ben has");
                expect(false, "a transfer above the balance went through");
            } catch (InsufficientFundsException e) {
                say("refused: " + e.code() + " - " + e.getMessage());
            }
            try {
                wallets.deposit(ada, new BigDecimal("0.001"), "A third of a cent");
                expect(false, "an amount finer than the currency's cent was taken");
            } catch (InvalidAmountException e) {
                say("refused: " + e.code() + " - " + e.getMessage());
            }

            wallets.lock(ben);
            try {
                wallets.transfer(ben, ada, new BigDecimal("1.00"), "From a locked wallet");
                expect(false, "a locked wallet paid out");
            } catch (WalletLockedException e) {
                expect(e.code() == ErrorCode.WALLET_LOCKED, "a locked wallet is refused as locked");
                say("refused: " + e.code() + " - " + e.getMessage());
            }
            wallets.unlock(ben);

            ada = wallets.refresh(ada);
            ben = wallets.refresh(ben);
            say(show(ada));
            say(show(ben));
            expect(ada.balance(), "37.50", "ada's balance");
            expect(ben.balance(), "10.00", "ben's balance");

            List<Transaction> history = transactions.listTransactions(ben, null, null, 10, 0);
            history.forEach(t -> say("  ben: " + t.type() + " " + t.amount() + " " + t.description()));
            expect(history.size() == 2, "ben's history has the payment in and the purchase out");
            say("simple wallet: ok");
        }
    }
}
