package coffer.server.library;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletStatusChange;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.tenant.User;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Seed 002's {@code WalletService}: a user's wallet, its balance, locking, and money in, out and
 * between wallets. Users are the embedding application's own (any string id); their wallet is created
 * on first use. Amounts are exact {@link BigDecimal}s in the wallet's currency (never more decimals
 * than it has). Refusals throw the typed {@link WalletException}s.
 */
public final class WalletService {
    private final Library lib;

    WalletService(Library lib) {
        this.lib = lib;
    }

    /** The user's wallet in the default currency, created with the user on first use. */
    public Wallet getWallet(String userRef) {
        return getWallet(userRef, lib.config.defaultCurrency().getCurrencyCode());
    }

    /** The user's wallet in {@code currency} (ISO 4217), opened if they have none. */
    public Wallet getWallet(String userRef, String currency) {
        User user = lib.user(userRef);
        Currency c = Library.typed(() -> Currencies.of(currency));
        return view(Library.orThrow(lib.ledger.openWallet(NewWallet.inCurrency(new EnvId(lib.env()), new UserId(user.id()), c))),
                userRef);
    }

    /** The wallet's posted balance now. */
    public Money getBalance(Wallet wallet) {
        return fresh(wallet).balance();
    }

    /** The wallet as it is now. */
    public Wallet refresh(Wallet wallet) {
        return fresh(wallet);
    }

    /** No money leaves a locked wallet; money may still come in. */
    public Wallet lock(Wallet wallet) {
        return status(wallet, WalletStatus.LOCKED);
    }

    public Wallet unlock(Wallet wallet) {
        return status(wallet, WalletStatus.ACTIVE);
    }

    /** Money into the wallet from outside (the environment's provider clearing account). */
    public Transaction deposit(Wallet wallet, BigDecimal amount, String description) {
        Money money = Library.money(amount, Currencies.of(wallet.currency()));
        return Library.transaction(Library.orThrow(lib.ledger.deposit(SystemMoveCommand.of(new EnvId(lib.env()),
                new WalletId(wallet.id()), money, Memo.description(description)), null).result()));
    }

    /** Money out of the wallet (for a purchase, or paid out by other means); checked against available funds and limits. */
    public Transaction withdraw(Wallet wallet, BigDecimal amount, String description) {
        Money money = Library.money(amount, Currencies.of(wallet.currency()));
        return Library.transaction(Library.orThrow(lib.ledger.withdraw(new SystemMoveCommand(new EnvId(lib.env()), null,
                new WalletId(wallet.id()), money, Memo.description(description)), null).result()));
    }

    /** From one wallet to another of the same currency: between users a P2P payment, within one user a transfer. */
    public Transaction transfer(Wallet source, Wallet destination, BigDecimal amount, String description) {
        Money money = Library.money(amount, Currencies.of(source.currency()));
        var outcome = lib.ledger.walletToWallet(new MoveCommand(new EnvId(lib.env()), null, new WalletId(source.id()),
                new WalletId(destination.id()), money, Memo.description(description)), null);
        return Library.transaction(Library.orThrow(outcome.result()));
    }

    private Wallet status(Wallet wallet, WalletStatus status) {
        User user = lib.user(wallet.userRef());
        return view(Library.orThrow(lib.ledger.setWalletStatus(new WalletStatusChange(new EnvId(lib.env()),
                UserId.ofNullable(user.id()), new WalletId(wallet.id()), status, StatusActor.PARTNER, "library"))),
                wallet.userRef());
    }

    private Wallet fresh(Wallet wallet) {
        return lib.ledger.wallet(lib.env(), wallet.id()).map(w -> view(w, wallet.userRef()))
                .orElseThrow(() -> WalletException.of(coffer.core.error.ErrorCode.WALLET_NOT_FOUND,
                        "Wallet " + wallet.id() + " was not found"));
    }

    static Wallet view(coffer.server.ledger.WalletSnapshot w, String userRef) {
        return new Wallet(w.id(), userRef, w.currency().getCurrencyCode(), w.balance().postedMoney(), w.balance().available(),
                w.status());
    }
}
