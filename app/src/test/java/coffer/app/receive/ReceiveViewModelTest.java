package coffer.app.receive;

import coffer.app.api.AccountsApi;
import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.app.local.LocalDatabase;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.wallet.WalletRow;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.money.Money;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Receive screen's request: built from the fields as they change, refused readably when they are wrong. */
class ReceiveViewModelTest {
    private static final String EMAIL = "alice@example.com";
    private static final List<AccountView> WALLETS = List.of(
            new AccountView("wal_usd1", "USD", "1000.00", "1000.00", "0.00", "active"),
            new AccountView("wal_jpy1", "JPY", "500", "500", "0", "active"));

    @TempDir
    Path dir;
    private LocalDatabase database;
    private final Locale language = Texts.locale();
    /** Null: the server answers with {@link #WALLETS}; else the failure it throws. */
    private RuntimeException serverDown;

    @BeforeEach
    void openDatabase() {
        database = LocalDatabase.open(dir.resolve("local.db"));
    }

    @AfterEach
    void close() {
        database.close();
        Texts.use(language);
    }

    private ReceiveViewModel receive() {
        ReceiveViewModel receive = new ReceiveViewModel(accounts(), new LastSyncedWallets(database), EMAIL,
                BackgroundExecutor.sameThread());
        receive.load();
        return receive;
    }

    private AccountsApi accounts() {
        return new AccountsApi() {
            @Override
            public List<AccountView> accounts() {
                if (serverDown != null) {
                    throw serverDown;
                }
                return WALLETS;
            }

            @Override
            public AccountView openAccount(String currency) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AccountView openAccount(String currency, boolean additional) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AccountView lock(String walletId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AccountView unlock(String walletId) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** What the API client throws when no server listens. */
    private static ApiException unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ApiException down = catchThrowableOfType(() -> ApiClient.create("http://127.0.0.1:" + port).health(),
                ApiException.class);
        assertThat(down.kind()).isEqualTo(ApiException.Kind.NETWORK_DOWN);
        return down;
    }

    private static PaymentRequestLink read(ReceiveViewModel receive) {
        return PaymentRequestLink.parse(receive.link.get()).orElseThrow();
    }

    @Test
    void theFirstWalletAndTheUsersEmailAreRequestedUntilTheUserAddsMore() {
        ReceiveViewModel receive = receive();

        assertThat(receive.walletId.get()).isEqualTo("wal_usd1");
        assertThat(receive.email.get()).isEqualTo(EMAIL);
        assertThat(read(receive)).isEqualTo(new PaymentRequestLink("wal_usd1", EMAIL, null, null));
        assertThat(receive.qr.get()).isNotNull();
        assertThat(receive.qrDescription.get())
                .isEqualTo("QR code of a payment request: to wallet wal_usd1, owned by alice@example.com");

        receive.amount.set("12.50");
        receive.note.set(" Dinner ");

        assertThat(read(receive)).isEqualTo(new PaymentRequestLink("wal_usd1", EMAIL, Money.parse("12.50", "USD"), "Dinner"));
        assertThat(receive.qrDescription.get()).isEqualTo("QR code of a payment request: to wallet wal_usd1, "
                + "owned by alice@example.com, for 12.50 USD, note “Dinner”");
        assertThat(receive.valid.get()).isTrue();
    }

    @Test
    void anotherWalletAsksInItsOwnCurrency() {
        ReceiveViewModel receive = receive();
        receive.amount.set("500");

        receive.wallet.set(receive.wallets.get(1));

        assertThat(receive.walletId.get()).isEqualTo("wal_jpy1");
        assertThat(read(receive).amount()).isEqualTo(Money.parse("500", "JPY"));
    }

    @Test
    void aWrongAmountOrTooLongANoteIsSaidAndTheLastValidRequestStays() {
        ReceiveViewModel receive = receive();
        receive.amount.set("12.50");
        String valid = receive.link.get();
        QrCode code = receive.qr.get();

        receive.amount.set("12.505");

        assertThat(receive.error.get()).startsWith("Enter an amount such as 25.00");
        assertThat(receive.valid.get()).isFalse();
        assertThat(receive.link.get()).isEqualTo(valid);
        assertThat(receive.qr.get()).isSameAs(code);
        assertThat(receive.copy(ReceiveViewModel.Copy.REQUEST)).as("no stale request to copy").isEmpty();

        receive.amount.set("12.00");
        assertThat(receive.error.get()).isEmpty();
        receive.note.set("x".repeat(141));
        assertThat(receive.error.get()).isEqualTo("A note is at most 140 characters.");
        assertThat(read(receive).amount()).isEqualTo(Money.parse("12.00", "USD"));
    }

    @Test
    void copyingHandsTheTextOverAndSaysSoInSpanish() {
        Texts.use(Texts.SPANISH);
        ReceiveViewModel receive = receive();

        assertThat(receive.copy(ReceiveViewModel.Copy.WALLET_ID)).contains("wal_usd1");
        assertThat(receive.notice.get()).isEqualTo("Se copió el ID de la billetera.");
        assertThat(receive.copy(ReceiveViewModel.Copy.EMAIL)).contains(EMAIL);
        assertThat(receive.copy(ReceiveViewModel.Copy.REQUEST)).contains("coffer:pay?to=wal_usd1&email=alice%40example.com");
        assertThat(receive.notice.get()).isEqualTo("Se copió la solicitud de pago.");

        receive.note.set("x".repeat(141));
        assertThat(receive.error.get()).isEqualTo("Una nota tiene como máximo 140 caracteres.");
        assertThat(receive.notice.get()).as("a change clears the last notice").isEmpty();
    }

    @Test
    void withTheServerOutOfReachTheLastSyncedWalletsAreOffered() throws IOException {
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO wallets VALUES ('wal_local', 'USD', 100000, 100000, 0, 'active', 1, NULL)");
            }
        });
        serverDown = unreachable();

        ReceiveViewModel receive = receive();

        assertThat(receive.error.get()).isEmpty();
        assertThat(receive.wallets).extracting(WalletRow::id).containsExactly("wal_local");
        assertThat(read(receive).walletId()).isEqualTo("wal_local");
    }
}
