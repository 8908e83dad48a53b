package coffer.app.withdraw;

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
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

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
        accounts.bankCode.set(bankCode);
        accounts.accountNumber.set(number);
        accounts.resolve();
        accounts.save();
        BankAccountRow row = accounts.accounts.stream().filter(a -> number.endsWith(a.last4())).findFirst().orElseThrow();
        accounts.selected.set(row);
        return row;
    }

    @Test
    void anAccountIsNamedBeforeItIsSavedThenAWithdrawalToItSucceeds() {
        WithdrawViewModel viewModel = viewModel(ALICE);
        BankAccountsViewModel accounts = viewModel.bankAccounts();
        accounts.bankCode.set("044");
        accounts.accountNumber.set("0123456789");
        assertThat(accounts.canSave.get()).as("not before the name is shown").isFalse();

        accounts.resolve();
        assertThat(accounts.resolvedName.get()).startsWith("Account holder: ").hasSizeGreaterThan(16);
        assertThat(accounts.canSave.get()).isTrue();
        accounts.save();
        assertThat(accounts.notice.get()).isEqualTo("Saved the account ending 6789.");
        assertThat(accounts.accounts).extracting(BankAccountRow::last4).containsExactly("6789");

        accounts.selected.set(accounts.accounts.get(0));
        viewModel.amount.set("100.00");
        viewModel.withdrawToAccount();

        assertThat(viewModel.status.get()).isEqualTo("Withdrawal succeeded: 100.00 USD paid out.");
        assertThat(viewModel.balance.get()).isEqualTo("Available now: 900.00 USD");
        assertThat(viewModel.error.get()).isEmpty();
    }

    @Test
    void aRejectedPayoutShowsWhyAndTheMoneyIsBackInTheWallet() {
        WithdrawViewModel viewModel = viewModel(BOB);
        String before = viewModel.wallet.get().available();
        saveAndChoose(viewModel, "044", "0123451111");
        viewModel.amount.set("30.00");

        viewModel.withdrawToAccount();

        assertThat(viewModel.error.get()).startsWith("The withdrawal failed (payout_rejected")
                .endsWith("the money is back in your wallet.");
        assertThat(viewModel.balance.get()).isEqualTo("Available now: " + before);
    }

    @Test
    void anAccountTheBankDoesNotKnowIsNotNamedAndCannotBeSaved() {
        BankAccountsViewModel accounts = viewModel(BOB).bankAccounts();
        accounts.bankCode.set("044");
        accounts.accountNumber.set("0123450000");

        accounts.resolve();

        assertThat(accounts.error.get()).isNotEmpty();
        assertThat(accounts.resolvedName.get()).isEmpty();
        assertThat(accounts.canSave.get()).isFalse();
    }

    @Test
    void badBankDetailsAreRefusedBeforeAskingAndAChangedNumberNeedsAnotherLookUp() {
        BankAccountsViewModel accounts = viewModel(BOB).bankAccounts();
        accounts.bankCode.set("44");
        accounts.accountNumber.set("0123456789");
        accounts.resolve();
        assertThat(accounts.error.get()).isEqualTo("Enter the bank's 3-digit code, such as 044.");

        accounts.bankCode.set("044");
        accounts.resolve();
        accounts.accountNumber.set("0123456780");
        accounts.save();

        assertThat(accounts.error.get()).isEqualTo("Look the account up first, to see whose it is.");
        assertThat(accounts.resolvedName.get()).isEmpty();
    }

    @Test
    void aRemovedAccountLeavesTheList() {
        WithdrawViewModel viewModel = viewModel(BOB);
        BankAccountRow row = saveAndChoose(viewModel, "058", "0987654321");

        viewModel.bankAccounts().removeSelected();

        assertThat(viewModel.bankAccounts().accounts).doesNotContain(row);
        assertThat(viewModel.bankAccounts().notice.get()).isEqualTo("Removed the account ending 4321.");
    }

    @Test
    void thePayoutPageClosesOnItsReturnAddressAndTheServersStatusShows() throws Exception {
        WithdrawViewModel viewModel = viewModel(BOB);
        viewModel.amount.set("10.00");

        viewModel.withdrawViaPage();
        String page = viewModel.pageUrl.get();
        assertThat(page).contains("/provider/payout/");

        HttpResponse<String> submitted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Bob+Example&bank_code=044&account_number=0123456789"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String returnAddress = submitted.headers().firstValue("Location").orElseThrow();
        viewModel.pageNavigated(SERVER.baseUrl() + "/withdrawals/wdr_someone_else/done");
        assertThat(viewModel.pageUrl.get()).as("another withdrawal's page closes nothing").isEqualTo(page);
        assertThat(returnAddress).as("the server's own page, which answers").contains("/withdrawals/wdr_").contains("/done?");
        HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(returnAddress)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You can close this page");
        viewModel.pageNavigated(returnAddress);

        assertThat(viewModel.pageUrl.get()).isEmpty();
        assertThat(viewModel.status.get()).isEqualTo("Withdrawal succeeded: 10.00 USD paid out.");
        assertThat(viewModel.balance.get()).startsWith("Available now: ");
    }

    @Test
    void inSpanishTheBankDetailsAndTheWithdrawalSpeakSpanish() {
        Texts.use(Texts.SPANISH);
        WithdrawViewModel viewModel = viewModel(BOB);
        BankAccountsViewModel accounts = viewModel.bankAccounts();
        accounts.bankCode.set("44");
        accounts.resolve();
        assertThat(accounts.error.get()).isEqualTo("Escribe el código de 3 dígitos del banco, como 044.");

        viewModel.withdrawToAccount();
        assertThat(viewModel.error.get())
                .isEqualTo("Elige la cuenta bancaria a la que retiras, o usa la página de pagos del proveedor.");

        viewModel.amount.set("7.00");
        viewModel.withdrawViaPage();
        assertThat(viewModel.status.get()).isEqualTo("Escribe la cuenta bancaria en la página de pagos del proveedor.");
        viewModel.closePage();
        assertThat(viewModel.pageUrl.get()).as("closed by the user").isEmpty();
        assertThat(viewModel.status.get()).isIn("Retiro de 7,00 USD: Pendiente…", "Retiro completado: se pagaron 7,00 USD.",
                "El retiro de 7,00 USD sigue pendiente; aparecerá en el historial cuando termine.");
    }
}
