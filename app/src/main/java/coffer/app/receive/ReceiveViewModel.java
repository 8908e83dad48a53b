package coffer.app.receive;

import coffer.app.api.AccountsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.i18n.Texts;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Receive money: the user picks one of their wallets and shares its id, their email, or a payment request
 * ({@link PaymentRequestLink}) for an amount and a note, as text and as a QR code, redrawn as the fields change.
 * An amount that is not valid in the wallet's currency, or too long a note, is said and leaves the last valid
 * request as it was. The wallets come from the server, or from the local copy while it cannot be reached.
 */
public final class ReceiveViewModel extends ScreenViewModel {
    /** What the user can copy. */
    public enum Copy { WALLET_ID, EMAIL, REQUEST }

    private final AccountsApi accounts;
    private final LastSyncedWallets lastSynced;
    /** The signed-in user's email, as the request shares it; null when it is not one a request can carry. */
    private final String requestEmail;
    private final WalletChoice choice = new WalletChoice();
    public final ObservableList<WalletRow> wallets = choice.wallets;
    /** The wallet to be paid into; the first until the user picks. */
    public final ObjectProperty<WalletRow> wallet = choice.chosen;
    private final ReadOnlyStringWrapper emailWrapper = new ReadOnlyStringWrapper("");
    /** The signed-in user's email. */
    public final ReadOnlyStringProperty email = emailWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper walletIdWrapper = new ReadOnlyStringWrapper("");
    /** The chosen wallet's id; empty before the wallets are read. */
    public final ReadOnlyStringProperty walletId = walletIdWrapper.getReadOnlyProperty();
    /** The amount asked for, as typed; empty to let the payer choose. */
    public final StringProperty amount = new SimpleStringProperty("");
    /** What the payment is for; empty for nothing. */
    public final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper linkWrapper = new ReadOnlyStringWrapper("");
    /** The payment request as text ({@code coffer:pay?to=…}), to share or paste into Send; empty before a wallet is chosen. */
    public final ReadOnlyStringProperty link = linkWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<QrCode> qrWrapper = new ReadOnlyObjectWrapper<>();
    /** The QR code of {@link #link}; null before a wallet is chosen. */
    public final ReadOnlyObjectProperty<QrCode> qr = qrWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper qrDescriptionWrapper = new ReadOnlyStringWrapper("");
    /** What the QR code carries, in words, for a screen reader. */
    public final ReadOnlyStringProperty qrDescription = qrDescriptionWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper validWrapper = new ReadOnlyBooleanWrapper();
    /** True when the fields make a valid request: the link and the QR code are the fields'. */
    public final ReadOnlyBooleanProperty valid = validWrapper.getReadOnlyProperty();

    /**
     * @param email the signed-in user's email; empty for an organization's wallets, paid by their id alone
     */
    public ReceiveViewModel(AccountsApi accounts, LastSyncedWallets lastSynced, String email, BackgroundExecutor executor) {
        super(executor);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.lastSynced = Objects.requireNonNull(lastSynced, "lastSynced");
        this.emailWrapper.set(Objects.requireNonNull(email, "email"));
        this.requestEmail = carriable(email);
        wallet.addListener((o, was, now) -> update());
        amount.addListener((o, was, now) -> update());
        note.addListener((o, was, now) -> update());
    }

    private static String carriable(String email) {
        try {
            return new PaymentRequestLink("wal_0", email, null, null).email();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads the user's wallets (the last synced ones while the server cannot be reached). */
    public void load() {
        state.run(() -> lastSynced.onlineOrLastSynced(accounts::accounts), choice::show);
    }

    /** Reads the wallets again, quietly, keeping the choice (after a sync brought changes). */
    public void refresh() {
        state.background(() -> lastSynced.onlineOrLastSynced(accounts::accounts), choice::show);
    }

    /**
     * The text to put on the clipboard for {@code what}, and the notice that it was copied; empty when there
     * is nothing valid to copy (no wallet yet, or the fields do not make a valid request).
     */
    public Optional<String> copy(Copy what) {
        String text = switch (what) {
            case WALLET_ID -> walletId.get();
            case EMAIL -> email.get();
            case REQUEST -> valid.get() ? link.get() : "";
        };
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        state.notice(Texts.text(switch (what) {
            case WALLET_ID -> "receive.copied.walletId";
            case EMAIL -> "receive.copied.email";
            case REQUEST -> "receive.copied.request";
        }));
        return Optional.of(text);
    }

    /** The request as the fields make it; a problem with them is said, and the last valid request stays. */
    private void update() {
        WalletRow wallet = this.wallet.get();
        walletIdWrapper.set(wallet == null ? "" : wallet.id());
        state.clear();
        if (wallet == null) {
            validWrapper.set(false);
            linkWrapper.set("");
            qrWrapper.set(null);
            qrDescriptionWrapper.set("");
            return;
        }
        String typed = amount.get() == null ? "" : amount.get().strip();
        Optional<String> problem = typed.isEmpty() ? Optional.empty() : AmountInput.problem(typed, wallet.currency());
        String text = note.get() == null ? "" : note.get().strip();
        if (problem.isEmpty() && text.length() > PaymentRequestLink.MAX_NOTE) {
            problem = Optional.of(Texts.text("receive.note.tooLong", PaymentRequestLink.MAX_NOTE));
        }
        if (problem.isPresent()) {
            validWrapper.set(false);
            state.error(problem.get());
            return;
        }
        PaymentRequestLink request = new PaymentRequestLink(wallet.id(), requestEmail,
                typed.isEmpty() ? null : Money.parse(AmountInput.plain(typed), wallet.currency()), text);
        linkWrapper.set(request.text());
        qrWrapper.set(QrCode.of(request.text()));
        qrDescriptionWrapper.set(describe(request));
        validWrapper.set(true);
    }

    /** "QR code of a payment request: to wallet wal_…, alice@example.com, 12.50 USD, note “Dinner”". */
    private static String describe(PaymentRequestLink request) {
        List<String> parts = new ArrayList<>();
        parts.add(Texts.text("receive.qr.wallet", request.walletId()));
        if (request.email() != null) {
            parts.add(Texts.text("receive.qr.email", request.email()));
        }
        if (request.amount() != null) {
            parts.add(Texts.text("receive.qr.amount", Amounts.format(request.amount())));
        }
        if (request.note() != null) {
            parts.add(Texts.text("receive.qr.note", request.note()));
        }
        return Texts.text("receive.qr.accessible", String.join(", ", parts));
    }
}
