package coffer.app.kyc;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static coffer.app.InProcessServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

class KycViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private static ApiClient newUser() {
        ApiClient client = SERVER.client();
        client.register("kyc-" + UUID.randomUUID() + "@example.com", "long-enough-password", "Kim Doe");
        return client;
    }

    private static KycViewModel loaded(ApiClient client) {
        KycViewModel viewModel = new KycViewModel(client, BackgroundExecutor.sameThread(), Duration.ofMillis(50), true,
                Clock.systemUTC());
        viewModel.load();
        return viewModel;
    }

    private static void fill(KycViewModel viewModel, String documentNumber) {
        viewModel.fullName.set("Kim Doe");
        viewModel.dateOfBirth.set("1990-04-23");
        viewModel.country.set("de");
        viewModel.documentType.set("passport");
        viewModel.documentNumber.set(documentNumber);
    }

    @Test
    void aNewUserSeesTierZeroAndItsLimits() {
        KycViewModel viewModel = loaded(newUser());

        assertThat(viewModel.statusText.get()).isEqualTo("Not verified");
        assertThat(viewModel.tier.get()).isEqualTo("Tier 0");
        assertThat(viewModel.perTransaction.get()).isEqualTo("100.00 USD");
        assertThat(viewModel.daily.get()).isEqualTo("250.00 USD");
        assertThat(viewModel.maxBalance.get()).isEqualTo("500.00 USD");
        assertThat(viewModel.remainingToday.get()).isEqualTo("250.00 USD");
        assertThat(viewModel.canSubmit.get()).isTrue();
        assertThat(viewModel.hint.get()).contains("0000");
    }

    @Test
    void aSubmissionIsDecidedWithoutARefreshAndTheNewLimitsShow() {
        KycViewModel viewModel = loaded(newUser());
        fill(viewModel, "C01X-00T4 7");

        viewModel.submit();

        assertThat(viewModel.statusText.get()).isEqualTo("Verified");
        assertThat(viewModel.tier.get()).isEqualTo("Tier 1");
        assertThat(viewModel.perTransaction.get()).isEqualTo("2,000.00 USD");
        assertThat(viewModel.remainingToday.get()).isEqualTo("5,000.00 USD");
        assertThat(viewModel.notice.get()).startsWith("Identity verified: you are on tier 1 now");
        assertThat(viewModel.documentNumber.get()).as("not kept once sent").isEmpty();
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.busy.get()).isFalse();
        assertThat(viewModel.canSubmit.get()).as("a verified user has nothing to submit").isFalse();
    }

    @Test
    void aRejectedSubmissionIsShownAndMayBeSentAgain() {
        KycViewModel viewModel = loaded(newUser());
        fill(viewModel, "P1230000");

        viewModel.submit();

        assertThat(viewModel.statusText.get()).isEqualTo("Rejected");
        assertThat(viewModel.tier.get()).isEqualTo("Tier 0");
        assertThat(viewModel.error.get()).startsWith("The verification was rejected");
        assertThat(viewModel.canSubmit.get()).isTrue();

        fill(viewModel, "P1234567");
        viewModel.submit();
        assertThat(viewModel.statusText.get()).isEqualTo("Verified");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "K                  | 1990-04-23 | DE | passport | P1234567 | Enter your full name",
            "Kim Doe            | 23.04.1990 | DE | passport | P1234567 | Enter the date of birth as year-month-day",
            "Kim Doe            | 2999-01-01 | DE | passport | P1234567 | The date of birth must be between",
            "Kim Doe            | 1990-04-23 | XX | passport | P1234567 | Enter the document's country",
            "Kim Doe            | 1990-04-23 | DE |          | P1234567 | Choose the kind of document",
            "Kim Doe            | 1990-04-23 | DE | id_card  | P1!      | The document number must be",
    })
    void aBadFormIsExplainedAndNothingIsSent(String name, String born, String country, String type, String number,
                                              String problem) {
        ApiClient client = newUser();
        KycViewModel viewModel = loaded(client);
        viewModel.fullName.set(name);
        viewModel.dateOfBirth.set(born);
        viewModel.country.set(country);
        viewModel.documentType.set(type);
        viewModel.documentNumber.set(number);

        viewModel.submit();

        assertThat(viewModel.error.get()).startsWith(problem);
        assertThat(client.kyc().status()).isEqualTo("unverified");
    }

    @Test
    void aVerifiedUserSeesTheirLimitsAndHasNothingToSubmit() {
        KycViewModel viewModel = loaded(SERVER.signedIn(ALICE));

        assertThat(viewModel.statusText.get()).isEqualTo("Verified");
        assertThat(viewModel.tier.get()).isEqualTo("Tier 1");
        assertThat(viewModel.canSubmit.get()).isFalse();
    }
}
