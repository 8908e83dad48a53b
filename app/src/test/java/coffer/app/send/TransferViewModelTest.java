package coffer.app.send;

import coffer.app.InProcessServer;
import coffer.app.TestLocalUser;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.app.offline.LocalUser;
import coffer.app.wallet.WalletRow;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class TransferViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;
    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private TransferViewModel viewModelFor(ApiClient api) {
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        LocalUser user = TestLocalUser.open(api, executor, dir);
        return new TransferViewModel(api, executor, user.sender(), user.wallets());
    }

    private static WalletRow wallet(TransferViewModel viewModel, String currency) {
        return viewModel.wallets.stream().filter(w -> w.currency().equals(currency)).findFirst().orElseThrow();
    }

    @Test
    void withOneWalletTheUserIsToldToOpenAnother() {
        TransferViewModel viewModel = viewModelFor(SERVER.signedIn("alice@example.com"));

        viewModel.load();

        assertThat(viewModel.error.get()).startsWith("Open a second wallet");
    }

    @Test
    void wrongChoicesAreRefusedBeforeAskingTheServer() {
        ApiClient api = SERVER.signedIn(BOB);
        api.openAccount("EUR");
        TransferViewModel viewModel = viewModelFor(api);
        viewModel.load();
        viewModel.amount.set("5.00");

        viewModel.transfer();
        assertThat(viewModel.error.get()).isEqualTo("Choose both wallets.");

        viewModel.from.set(wallet(viewModel, "USD"));
        viewModel.to.set(wallet(viewModel, "USD"));
        viewModel.transfer();
        assertThat(viewModel.error.get()).isEqualTo("Choose two different wallets.");

        viewModel.to.set(wallet(viewModel, "EUR"));
        viewModel.transfer();
        assertThat(viewModel.error.get()).startsWith("Both wallets must hold the same currency");
        assertThat(wallet(viewModel, "USD").available()).isEqualTo("1,000.00 USD");
        assertThat(viewModel.result.get()).isEmpty();
    }

    @Test
    void inSpanishWrongChoicesAreRefusedInSpanish() {
        Texts.use(Texts.SPANISH);
        ApiClient api = SERVER.signedIn(BOB);
        TransferViewModel viewModel = viewModelFor(api);
        viewModel.load();
        viewModel.amount.set("5.00");

        viewModel.transfer();

        assertThat(viewModel.error.get()).isEqualTo("Elige ambas billeteras.");
    }
}
