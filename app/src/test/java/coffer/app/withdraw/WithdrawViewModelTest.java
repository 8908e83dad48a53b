package coffer.app.withdraw;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WithdrawViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private static WithdrawViewModel viewModel(String user) {
        WithdrawViewModel viewModel = new WithdrawViewModel(SERVER.signedIn(user), SERVER.signedIn(user),
                BackgroundExecutor.sameThread(), Duration.ofMillis(20));
        viewModel.load();
        return viewModel;
    }

    /** Looks the account up, saves it and chooses it. */
    private static BankAccountRow saveAndChoose(WithdrawViewModel viewModel, String bankCode, String number) {
        BankAccountsViewModel accounts = viewModel.bankAccounts();
        accounts.bankCodeProperty().set(bankCode);
        accounts.accountNumberProperty().set(number);
        accounts.resolve();
        accounts.save();
        BankAccountRow row = accounts.accounts().stream().filter(a -> number.endsWith(a.last4())).findFirst().orElseThrow();
        accounts.selectedProperty().set(row);
        return row;
    }

    @Test
    void anAccountIsNamedBeforeItIsSavedThenAWithdrawalToItSucceeds() {
        WithdrawViewModel viewModel = viewModel(ALICE);
        BankAccountsViewModel accounts = viewModel.bankAccounts();
        accounts.bankCodeProperty().set("044");
        accounts.accountNumberProperty().set("0123456789");
        assertThat(accounts.canSaveProperty().get()).as("not before the name is shown").isFalse();

        accounts.resolve();
        assertThat(accounts.resolvedNameProperty().get()).startsWith("Account holder: ").hasSizeGreaterThan(16);
        assertThat(accounts.canSaveProperty().get()).isTrue();
        accounts.save();
        assertThat(accounts.noticeProperty().get()).isEqualTo("Saved the account ending 6789.");
        assertThat(accounts.accounts()).extracting(BankAccountRow::last4).containsExactly("6789");

        accounts.selectedProperty().set(accounts.accounts().get(0));
        viewModel.amountProperty().set("100.00");
        viewModel.withdrawToAccount();

        assertThat(viewModel.statusProperty().get()).isEqualTo("Withdrawal succeeded: 100.00 USD paid out.");
        assertThat(viewModel.balanceProperty().get()).isEqualTo("Available now: 900.00 USD");
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void aRejectedPayoutShowsWhyAndTheMoneyIsBackInTheWallet() {
        WithdrawViewModel viewModel = viewModel(BOB);
        String before = viewModel.walletProperty().get().available();
        saveAndChoose(viewModel, "044", "0123451111");
        viewModel.amountProperty().set("30.00");

        viewModel.withdrawToAccount();

        assertThat(viewModel.errorProperty().get()).startsWith("The withdrawal failed (payout_rejected")
                .endsWith("the money is back in your wallet.");
        assertThat(viewModel.balanceProperty().get()).isEqualTo("Available now: " + before);
    }

    @Test
    void anAccountTheBankDoesNotKnowIsNotNamedAndCannotBeSaved() {
        BankAccountsViewModel accounts = viewModel(BOB).bankAccounts();
        accounts.bankCodeProperty().set("044");
        accounts.accountNumberProperty().set("0123450000");

        accounts.resolve();

        assertThat(accounts.errorProperty().get()).isNotEmpty();
        assertThat(accounts.resolvedNameProperty().get()).isEmpty();
        assertThat(accounts.canSaveProperty().get()).isFalse();
    }

    @Test
    void badBankDetailsAreRefusedBeforeAskingAndAChangedNumberNeedsAnotherLookUp() {
        BankAccountsViewModel accounts = viewModel(BOB).bankAccounts();
        accounts.bankCodeProperty().set("44");
        accounts.accountNumberProperty().set("0123456789");
        accounts.resolve();
        assertThat(accounts.errorProperty().get()).isEqualTo("Enter the bank's 3-digit code, such as 044.");

        accounts.bankCodeProperty().set("044");
        accounts.resolve();
        accounts.accountNumberProperty().set("0123456780");
        accounts.save();

        assertThat(accounts.errorProperty().get()).isEqualTo("Look the account up first, to see whose it is.");
        assertThat(accounts.resolvedNameProperty().get()).isEmpty();
    }

    @Test
    void aRemovedAccountLeavesTheList() {
        WithdrawViewModel viewModel = viewModel(BOB);
        BankAccountRow row = saveAndChoose(viewModel, "058", "0987654321");

        viewModel.bankAccounts().removeSelected();

        assertThat(viewModel.bankAccounts().accounts()).doesNotContain(row);
        assertThat(viewModel.bankAccounts().noticeProperty().get()).isEqualTo("Removed the account ending 4321.");
    }

    @Test
    void thePayoutPageClosesOnItsReturnAddressAndTheServersStatusShows() throws Exception {
        WithdrawViewModel viewModel = viewModel(BOB);
        viewModel.amountProperty().set("10.00");

        viewModel.withdrawViaPage();
        String page = viewModel.pageUrlProperty().get();
        assertThat(page).contains("/provider/payout/");

        HttpResponse<String> submitted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Bob+Example&bank_code=044&account_number=0123456789"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String returnAddress = submitted.headers().firstValue("Location").orElseThrow();
        viewModel.pageNavigated(SERVER.baseUrl() + "/withdrawals/wdr_someone_else/done");
        assertThat(viewModel.pageUrlProperty().get()).as("another withdrawal's page closes nothing").isEqualTo(page);
        assertThat(returnAddress).as("the server's own page, which answers").contains("/withdrawals/wdr_").contains("/done?");
        HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(returnAddress)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You can close this page");
        viewModel.pageNavigated(returnAddress);

        assertThat(viewModel.pageUrlProperty().get()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Withdrawal succeeded: 10.00 USD paid out.");
        assertThat(viewModel.balanceProperty().get()).startsWith("Available now: ");
    }

    @Test
    void inSpanishTheBankDetailsAndTheWithdrawalSpeakSpanish() {
        Texts.use(Texts.SPANISH);
        WithdrawViewModel viewModel = viewModel(BOB);
        BankAccountsViewModel accounts = viewModel.bankAccounts();
        accounts.bankCodeProperty().set("44");
        accounts.resolve();
        assertThat(accounts.errorProperty().get()).isEqualTo("Escribe el código de 3 dígitos del banco, como 044.");

        viewModel.withdrawToAccount();
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Elige la cuenta bancaria a la que retiras, o usa la página de pagos del proveedor.");

        viewModel.amountProperty().set("7.00");
        viewModel.withdrawViaPage();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Escribe la cuenta bancaria en la página de pagos del proveedor.");
        viewModel.closePage();
        assertThat(viewModel.pageUrlProperty().get()).as("closed by the user").isEmpty();
        assertThat(viewModel.statusProperty().get()).isIn("Retiro de 7,00 USD: Pendiente…", "Retiro completado: se pagaron 7,00 USD.",
                "El retiro de 7,00 USD sigue pendiente; aparecerá en el historial cuando termine.");
    }
}
