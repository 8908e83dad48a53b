package coffer.app.settlement;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.app.withdraw.BankAccountsViewModel;
import coffer.core.api.SettlementTypes.SettlementView;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class SettlementsViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private final Locale language = Texts.locale();

    @AfterEach
    void speakAsBefore() {
        Texts.use(language);
    }

    private static SettlementsViewModel loaded(ApiClient client) {
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        SettlementsViewModel viewModel = new SettlementsViewModel(client, client,
                new BankAccountsViewModel(client, executor), executor, Duration.ofMillis(20));
        viewModel.load();
        return viewModel;
    }

    /** A user with a saved bank account (the first one is chosen on the screen). */
    private static SettlementsViewModel withBankAccount(String email) {
        SettlementsViewModel viewModel = loaded(SERVER.signedIn(email));
        if (viewModel.bankAccounts().accounts.isEmpty()) {
            BankAccountsViewModel accounts = viewModel.bankAccounts();
            accounts.bankCode.set("044");
            accounts.accountNumber.set("0123456789");
            accounts.resolve();
            accounts.save();
        }
        assertThat(viewModel.bankAccounts().selected.get()).isNotNull();
        return viewModel;
    }

    @Test
    void anAmountIsPaidOutToTheSavedAccountAndListed() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        viewModel.amount.set("100.00");

        viewModel.settle();

        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.status.get()).isEqualTo("Settlement succeeded: 100.00 USD paid out.");
        assertThat(viewModel.settlements).anySatisfy(row -> {
            assertThat(row.amount()).isEqualTo("100.00 USD");
            assertThat(row.status()).isEqualTo("succeeded");
            assertThat(row.statusName()).isEqualTo("Succeeded");
            assertThat(row.origin()).isEqualTo("by hand");
        });
        assertThat(viewModel.wallet.get().available()).isEqualTo("900.00 USD");
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void anEmptyAmountSettlesTheWholeAvailableBalance() {
        SettlementsViewModel viewModel = withBankAccount(BOB);
        String all = viewModel.wallet.get().available();

        viewModel.settle();

        assertThat(viewModel.status.get()).isEqualTo("Settlement succeeded: " + all + " paid out.");
        assertThat(viewModel.wallet.get().available()).isEqualTo("0.00 USD");
    }

    @Test
    void withoutASavedAccountNothingIsSentAndTheUserIsToldWhereToAddOne() {
        ApiClient client = SERVER.client();
        client.register("settle-" + UUID.randomUUID() + "@example.com", "long-enough-password", null);
        client.openAccount("USD");
        SettlementsViewModel viewModel = loaded(client);

        viewModel.settle();

        assertThat(viewModel.error.get()).contains("add one on the Withdraw screen");
        assertThat(client.settlements(null).settlements()).isEmpty();
    }

    @Test
    void aMistypedAmountIsExplainedBeforeAnythingIsSent() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        int before = viewModel.settlements.size();
        viewModel.amount.set("12,5x");

        viewModel.settle();

        assertThat(viewModel.error.get()).startsWith("Enter an amount such as 25.00");
        viewModel.refresh();
        assertThat(viewModel.settlements).hasSize(before);
    }

    @Test
    void aScheduleIsCreatedListedAndDeleted() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        SchedulesViewModel schedules = viewModel.schedules();
        schedules.frequency.set(ScheduleFrequency.of("weekly"));
        schedules.minimum.set("50");

        schedules.create();

        assertThat(schedules.error.get()).isEmpty();
        assertThat(schedules.notice.get()).isEqualTo("Settles the USD wallet weekly to the account ending 6789.");
        assertThat(schedules.schedules).singleElement().satisfies(row -> {
            assertThat(row.frequency()).isEqualTo("weekly");
            assertThat(row.minimum()).isEqualTo("50.00 USD");
            assertThat(row.amount()).isEqualTo("whole balance");
            assertThat(row.nextRun()).isNotEmpty();
        });

        schedules.selected.set(schedules.schedules.get(0));
        schedules.deleteSelected();

        assertThat(schedules.schedules).isEmpty();
        assertThat(schedules.notice.get()).isEqualTo("Deleted the weekly schedule.");
    }

    @Test
    void aNegativeMinimumIsRefusedBeforeAnythingIsSent() {
        SettlementsViewModel viewModel = withBankAccount(ALICE);
        SchedulesViewModel schedules = viewModel.schedules();
        schedules.minimum.set("-5");

        schedules.create();

        assertThat(schedules.error.get()).isEqualTo("The minimum balance must not be negative.");
        assertThat(SERVER.signedIn(ALICE).schedules()).noneMatch(s -> s.isActive() && s.minimumAmount().equals("-5.00"));
    }

    @Test
    void aSpanishUserReadsTheSchedulesInSpanish() {
        Texts.use(Texts.SPANISH);
        ApiClient client = SERVER.client();
        client.register("programa-" + UUID.randomUUID() + "@example.com", "long-enough-password", null);
        client.openAccount("USD");
        client.addBankAccount("044", "0123456789");
        SchedulesViewModel schedules = loaded(client).schedules();

        schedules.frequency.set(ScheduleFrequency.of("monthly"));
        schedules.create();

        assertThat(schedules.notice.get())
                .isEqualTo("La billetera en USD se liquidará cada mes a la cuenta terminada en 6789.");
        assertThat(schedules.schedules).singleElement().satisfies(row -> {
            assertThat(row.frequencyName()).isEqualTo("Mensual");
            assertThat(row.minimum()).isEqualTo("0,00 USD");
            assertThat(row.amount()).isEqualTo("todo el saldo");
        });
    }

    @Test
    void aSettlementReadsInTheUsersLanguageAndTimeZone() {
        SettlementView made = new SettlementView("stl_1", "ref", "succeeded", "40.00", "USD", "wal_1", "bank_1", null,
                "txn_1", null, null, "2026-12-02T14:03:05Z", "2026-12-02T14:03:06Z");
        assertThat(SettlementRow.of(made)).satisfies(row -> {
            assertThat(row.statusName()).isEqualTo("Succeeded");
            assertThat(row.origin()).isEqualTo("by hand");
            assertThat(row.date()).isEqualTo(Times.dateTime(Instant.parse("2026-12-02T14:03:05Z"))).doesNotContain("T14");
        });

        Texts.use(Texts.SPANISH);
        assertThat(SettlementRow.of(made)).satisfies(row -> {
            assertThat(row.statusName()).isEqualTo("Completada");
            assertThat(row.origin()).isEqualTo("manual");
            assertThat(row.amount()).isEqualTo("40,00 USD");
        });
    }
}
