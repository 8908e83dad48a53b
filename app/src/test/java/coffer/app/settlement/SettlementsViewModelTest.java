package coffer.app.settlement;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.withdraw.BankAccountsViewModel;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettlementsViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private static SettlementsViewModel loaded(ApiClient client) {
        SettlementsViewModel viewModel = new SettlementsViewModel(client, BackgroundExecutor.sameThread(),
                Duration.ofMillis(20));
        viewModel.load();
        return viewModel;
    }

    /** A user with a saved bank account (the first one is chosen on the screen). */
    private static SettlementsViewModel withBankAccount(String email) {
        SettlementsViewModel viewModel = loaded(SERVER.signedIn(email));
        if (viewModel.bankAccounts().accounts().isEmpty()) {
            BankAccountsViewModel accounts = viewModel.bankAccounts();
            accounts.bankCodeProperty().set("044");
            accounts.accountNumberProperty().set("0123456789");
            accounts.resolve();
            accounts.save();
        }
        assertThat(viewModel.bankAccounts().selectedProperty().get()).isNotNull();
        return viewModel;
    }

    @Test
    void anAmountIsPaidOutToTheSavedAccountAndListed() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        viewModel.amountProperty().set("100.00");

        viewModel.settle();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Settlement succeeded: 100.00 USD paid out.");
        assertThat(viewModel.settlements()).anySatisfy(row -> {
            assertThat(row.amount()).isEqualTo("100.00 USD");
            assertThat(row.status()).isEqualTo("succeeded");
            assertThat(row.origin()).isEqualTo("by hand");
        });
        assertThat(viewModel.walletProperty().get().available()).isEqualTo("900.00 USD");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void anEmptyAmountSettlesTheWholeAvailableBalance() {
        SettlementsViewModel viewModel = withBankAccount(BOB);
        String all = viewModel.walletProperty().get().available();

        viewModel.settle();

        assertThat(viewModel.statusProperty().get()).isEqualTo("Settlement succeeded: " + all + " paid out.");
        assertThat(viewModel.walletProperty().get().available()).isEqualTo("0.00 USD");
    }

    @Test
    void withoutASavedAccountNothingIsSentAndTheUserIsToldWhereToAddOne() {
        ApiClient client = SERVER.client();
        client.register("settle-" + UUID.randomUUID() + "@example.com", "long-enough-password", null);
        client.openAccount("USD");
        SettlementsViewModel viewModel = loaded(client);

        viewModel.settle();

        assertThat(viewModel.errorProperty().get()).contains("add one on the Withdraw screen");
        assertThat(client.settlements(null).settlements()).isEmpty();
    }

    @Test
    void aMistypedAmountIsExplainedBeforeAnythingIsSent() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        int before = viewModel.settlements().size();
        viewModel.amountProperty().set("12,5x");

        viewModel.settle();

        assertThat(viewModel.errorProperty().get()).startsWith("Enter an amount such as 25.00");
        viewModel.refresh();
        assertThat(viewModel.settlements()).hasSize(before);
    }

    @Test
    void aScheduleIsCreatedListedAndDeleted() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        SchedulesViewModel schedules = viewModel.schedules();
        schedules.frequencyProperty().set("weekly");
        schedules.minimumProperty().set("50");

        schedules.create();

        assertThat(schedules.errorProperty().get()).isEmpty();
        assertThat(schedules.noticeProperty().get()).isEqualTo("Settles the USD wallet weekly to the account ending 6789.");
        assertThat(schedules.schedules()).singleElement().satisfies(row -> {
            assertThat(row.frequency()).isEqualTo("weekly");
            assertThat(row.minimum()).isEqualTo("50.00 USD");
            assertThat(row.amount()).isEqualTo("whole balance");
            assertThat(row.nextRun()).isNotEmpty();
        });

        schedules.selectedProperty().set(schedules.schedules().get(0));
        schedules.deleteSelected();

        assertThat(schedules.schedules()).isEmpty();
        assertThat(schedules.noticeProperty().get()).isEqualTo("Deleted the weekly schedule.");
    }

    @Test
    void aNegativeMinimumIsRefusedBeforeAnythingIsSent() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        SchedulesViewModel schedules = viewModel.schedules();
        schedules.minimumProperty().set("-5");

        schedules.create();

        assertThat(schedules.errorProperty().get()).isEqualTo("The minimum balance must not be negative.");
        assertThat(SERVER.signedIn(ALICE).schedules()).noneMatch(s -> s.isActive() && s.minimumAmount().equals("-5.00"));
    }
}
