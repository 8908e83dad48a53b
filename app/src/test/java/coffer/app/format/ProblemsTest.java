package coffer.app.format;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.i18n.Texts;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures, money and times reach the user in the app's language, the server's English only as a detail. */
class ProblemsTest {
    private final Locale before = Texts.locale();

    @AfterEach
    void restore() {
        Texts.use(before);
    }

    @Test
    void aRefusalIsToldInTheAppsLanguageWithTheServersWordsAsDetail() {
        Texts.use(Texts.SPANISH);
        CofferException refused = new CofferException(ErrorCode.INSUFFICIENT_BALANCE, "Insufficient funds: available 10.00 USD");

        assertThat(Problems.describe(refused))
                .isEqualTo("No hay suficiente dinero disponible. (Insufficient funds: available 10.00 USD)");
    }

    @Test
    void theServersDefaultWordsAddNothingAndAreLeftOut() {
        Texts.use(Texts.SPANISH);
        assertThat(Problems.describe(CofferException.of(ErrorCode.WALLET_LOCKED))).isEqualTo("La billetera está bloqueada.");
        Texts.use(Texts.ENGLISH);
        assertThat(Problems.describe(CofferException.of(ErrorCode.WALLET_LOCKED))).isEqualTo("The wallet is locked.");
    }

    @Test
    void aPaymentsFailureReasonIsTranslatedAndAnUnknownOneShownAsIs() {
        Texts.use(Texts.SPANISH);
        assertThat(Problems.reason("DAILY_LIMIT_EXCEEDED")).isEqualTo("Esto superaría tu límite diario.");
        assertThat(Problems.reason("CARD_EXPIRED")).isEqualTo("CARD_EXPIRED");
        assertThat(Problems.reason(null)).isEqualTo("sin motivo indicado");
    }

    @Test
    void anUnexpectedFailureSaysWhatItWas() {
        Texts.use(Texts.ENGLISH);
        assertThat(Problems.describe(new IOException("disk full"))).isEqualTo("Something went wrong: disk full");
    }

    @Test
    void moneyAndTimesAreWrittenTheWayTheLanguageWritesThem() {
        Instant instant = Instant.parse("2026-12-02T14:03:05Z");
        ZoneId mexicoCity = ZoneId.of("America/Mexico_City");
        Texts.use(Texts.SPANISH);
        assertThat(Amounts.format("12345.60", "EUR")).isEqualTo("12.345,60 EUR");
        assertThat(Times.time(instant, mexicoCity)).isEqualTo("8:03:05");
        Texts.use(Texts.ENGLISH);
        assertThat(Amounts.format("12345.60", "EUR")).isEqualTo("12,345.60 EUR");
        assertThat(Times.time(instant, mexicoCity)).startsWith("8:03:05").endsWith("AM");
    }

    @Test
    void kindsAndStatusesAreNamedInTheAppsLanguageAndANewWordShownAsItCame() {
        Texts.use(Texts.SPANISH);
        assertThat(Names.kind("p2p")).isEqualTo("Envío a una persona");
        assertThat(Names.status("PROCESSING")).isEqualTo("En proceso");
        assertThat(Names.walletStatus("locked")).isEqualTo("Bloqueada");
        assertThat(Names.kind("chargeback")).isEqualTo("chargeback");
        Texts.use(Texts.ENGLISH);
        assertThat(Names.kycStatus("pending")).isEqualTo("Being checked");
    }
}
