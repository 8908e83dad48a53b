package coffer.app.send;

import coffer.app.InProcessServer;
import coffer.app.TestLocalUser;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.app.local.OutboxEntry;
import coffer.app.offline.LocalUser;
import coffer.app.receive.PaymentRequestLink;
import coffer.core.money.Money;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class SendViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;
    private LocalUser user;

    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private SendViewModel loadedFor(ApiClient api) {
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        user = TestLocalUser.open(api, executor, dir);
        SendViewModel viewModel = new SendViewModel(api, api, executor, Duration.ofMillis(20), user.sender(), user.wallets());
        viewModel.load();
        return viewModel;
    }

    private static void fill(SendViewModel viewModel, String destination, String amount) {
        viewModel.destination.set(destination);
        viewModel.amount.set(amount);
    }

    @Test
    void aPaymentIsReviewedConfirmedAndFollowedUntilItCompletes() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(ALICE));
        List<String> statuses = new ArrayList<>();
        viewModel.status.addListener((o, was, now) -> statuses.add(now));
        fill(viewModel, BOB, "25");

        viewModel.review();
        assertThat(viewModel.confirmation.get())
                .isEqualTo("Send 25.00 USD to bob@example.com from your USD wallet?");
        assertThat(viewModel.awaitingConfirmation.get()).isTrue();

        viewModel.confirm();

        assertThat(statuses).first().asString().matches("(Pending|Processing): 25.00 USD to bob@example.com");
        assertThat(statuses).last().isEqualTo("Completed: 25.00 USD to bob@example.com");
        assertThat(viewModel.availableNow.get()).isEqualTo("Available now: 975.00 USD");
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(viewModel.busy.get()).isFalse();
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.unfinished).as("nothing left to send").isEmpty();
        OutboxEntry sent = user.sender().outbox().find(onlyEntryId()).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxEntry.State.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(SERVER.signedIn(ALICE).payment(sent.serverId()).status()).isEqualTo("completed");
    }

    private String onlyEntryId() {
        return user.database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT client_id FROM outbox")) {
                rs.next();
                String id = rs.getString(1);
                assertThat(rs.next()).as("one entry").isFalse();
                return id;
            }
        });
    }

    @ParameterizedTest
    @CsvSource(value = {
            "'', 10.00, Enter the recipient's email address or wallet id",
            "bob, 10.00, Enter the recipient's email address or wallet id",
            "bob@example.com, ten, Enter an amount such as 25.00",
            "bob@example.com, 1.234, Enter an amount such as 25.00",
            "bob@example.com, 0, The amount must be more than zero.",
            "bob@example.com, -5, The amount must be more than zero.",
            "bob@example.com, 1000000.00, That is more than the"})
    void aBadFormIsRefusedWithoutAskingForConfirmation(String destination, String amount, String message) {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(BOB));
        fill(viewModel, destination, amount);

        viewModel.review();

        assertThat(viewModel.error.get()).startsWith(message);
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(viewModel.confirmation.get()).isEmpty();
    }

    @Test
    void changingTheFormCancelsTheConfirmationAndSendsNothing() {
        ApiClient api = SERVER.signedIn(BOB);
        SendViewModel viewModel = loadedFor(api);
        String before = viewModel.source.get().available();
        fill(viewModel, ALICE, "1.00");
        viewModel.review();

        viewModel.cancel();
        viewModel.confirm();

        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(viewModel.status.get()).isEmpty();
        assertThat(loadedFor(api).source.get().available()).isEqualTo(before);
    }

    @Test
    void theServersRefusalIsShownInTheAppsWordsWithTheServersAsADetail() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(BOB));
        fill(viewModel, "nobody@example.com", "1.00");

        viewModel.review();
        viewModel.confirm();

        assertThat(viewModel.error.get()).isEqualTo("Wallet not found. (No USD wallet was found for nobody@example.com.)");
        assertThat(viewModel.status.get()).isEmpty();
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void aRefusedPaymentStaysListedAsFailedWithTheReasonUntilDismissed() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(BOB));
        fill(viewModel, "nobody@example.com", "2.00");
        viewModel.review();
        viewModel.confirm();

        assertThat(viewModel.unfinished).singleElement().satisfies(row -> {
            assertThat(row.failed()).isTrue();
            assertThat(row.text()).isEqualTo("Failed: Payment of 2.00 USD to nobody@example.com — "
                    + "Wallet not found. (No USD wallet was found for nobody@example.com.)");
        });

        viewModel.dismiss(viewModel.unfinished.get(0));

        assertThat(viewModel.unfinished).isEmpty();
    }

    @Test
    void aLockedWalletCannotPay() {
        ApiClient api = SERVER.signedIn(BOB);
        SendViewModel viewModel = loadedFor(api);
        api.lock(viewModel.source.get().id());
        try {
            fill(viewModel, ALICE, "1.00");
            viewModel.review();
            viewModel.confirm();

            assertThat(viewModel.error.get()).containsIgnoringCase("locked");
            assertThat(viewModel.status.get()).isEmpty();
        } finally {
            api.unlock(viewModel.source.get().id());
        }
    }

    private static String bobsWallet() {
        return SERVER.signedIn(BOB).accounts().get(0).id();
    }

    @Test
    void aPaymentRequestFillsTheFormAndIsPaidOnlyOnceReviewedAndConfirmed() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(ALICE));
        String bob = bobsWallet();
        PaymentRequestLink request = new PaymentRequestLink(bob, BOB, Money.parse("12.50", "USD"), "Dinner");

        viewModel.usePaymentRequest(request.text());

        assertThat(viewModel.destination.get()).isEqualTo(bob);
        assertThat(viewModel.amount.get()).isEqualTo("12.50");
        assertThat(viewModel.description.get()).isEqualTo("Dinner");
        assertThat(viewModel.source.get().currency()).isEqualTo("USD");
        assertThat(viewModel.notice.get())
                .isEqualTo("Filled in from the payment request of bob@example.com. Check it, then review.");
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.awaitingConfirmation.get()).as("nothing is sent without review").isFalse();
        assertThat(viewModel.status.get()).isEmpty();

        viewModel.review();
        assertThat(viewModel.confirmation.get()).isEqualTo("Send 12.50 USD to " + bob + " from your USD wallet?");
        viewModel.confirm();
        assertThat(viewModel.status.get()).isEqualTo("Completed: 12.50 USD to " + bob);
    }

    @Test
    void aRequestWithoutAnAmountLeavesTheAmountToThePayer() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(ALICE));
        fill(viewModel, "someone@example.com", "4.00");

        viewModel.usePaymentRequest("coffer:pay?to=wal_abc");

        assertThat(viewModel.destination.get()).isEqualTo("wal_abc");
        assertThat(viewModel.amount.get()).isEmpty();
        assertThat(viewModel.notice.get()).isEqualTo("Filled in from the payment request. Check it, then review.");
    }

    @Test
    void aRequestInACurrencyTheUserHasNoWalletInSaysSoAndCannotBeReviewed() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(ALICE));

        viewModel.usePaymentRequest(new PaymentRequestLink("wal_abc", null, Money.parse("9.00", "EUR"), null).text());

        assertThat(viewModel.error.get()).isEqualTo(
                "This request asks for EUR, and you have no EUR wallet to pay it from. Open one on the Wallets screen.");
        assertThat(viewModel.source.get().currency()).isEqualTo("USD");

        viewModel.review();
        assertThat(viewModel.error.get()).isEqualTo("This request asks for EUR: pay it from a EUR wallet.");
        assertThat(viewModel.awaitingConfirmation.get()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "coffer:pay?to=bob@example.com", "coffer:pay?to=wal_abc&amount=5",
            "coffer:pay?to=wal_abc&amount=1.234&currency=USD"})
    void textThatIsNoValidRequestFillsNothingAndSaysSo(String text) {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(ALICE));
        fill(viewModel, "carol@example.com", "4.00");

        viewModel.usePaymentRequest(text);

        assertThat(viewModel.error.get()).startsWith(text == null || text.isEmpty()
                ? "The clipboard holds no payment request." : "That is not a payment request Coffer can read");
        assertThat(viewModel.destination.get()).isEqualTo("carol@example.com");
        assertThat(viewModel.amount.get()).isEqualTo("4.00");
        assertThat(viewModel.notice.get()).isEmpty();
    }

    @Test
    void aRequestPastedAsTheRecipientIsReadAtOnceAndOneTypedThereIsReadOnReview() {
        SendViewModel viewModel = loadedFor(SERVER.signedIn(ALICE));
        String link = new PaymentRequestLink("wal_pasted", null, Money.parse("2.00", "USD"), null).text();
        viewModel.destination.set(link);
        viewModel.pasted(link);
        assertThat(viewModel.destination.get()).isEqualTo("wal_pasted");
        assertThat(viewModel.amount.get()).isEqualTo("2.00");

        viewModel.destination.set("coffer:pay?to=wal_typed&note=Rent");
        viewModel.review();

        assertThat(viewModel.destination.get()).isEqualTo("wal_typed");
        assertThat(viewModel.description.get()).isEqualTo("Rent");
        assertThat(viewModel.awaitingConfirmation.get()).as("reviewed next, once the user has seen it").isFalse();
    }

    @Test
    void inSpanishTheFormsProblemsAndTheConfirmationSpeakSpanish() {
        Texts.use(Texts.SPANISH);
        SendViewModel viewModel = loadedFor(SERVER.signedIn(BOB));

        fill(viewModel, "alice@example.com", "1,234");
        viewModel.review();
        assertThat(viewModel.error.get())
                .isEqualTo("Escribe un monto como 25,00: los montos en USD tienen como máximo 2 decimales.");

        viewModel.usePaymentRequest("hola");
        assertThat(viewModel.error.get()).startsWith("Eso no es una solicitud de pago que Coffer pueda leer");

        fill(viewModel, "alice@example.com", "5");
        viewModel.review();
        assertThat(viewModel.confirmation.get()).isEqualTo("¿Enviar 5,00 USD a alice@example.com desde tu billetera en USD?");
    }
}
