package coffer.app.send;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.i18n.Texts;
import coffer.app.local.OutboxEntry;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A queued operation the server refused is said in the app's language, the server's words only as a detail. */
class OutboxRowTest {
    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private static OutboxEntry refused(String code, String words) {
        String body = "{\"amount\":\"1500.00\",\"currency\":\"USD\",\"source_wallet_id\":\"wal_1\",\"destination\":\"bob@example.com\"}";
        return new OutboxEntry("c1", "k1", 1, OutboxEntry.Kind.PAYMENT, body, "1500.00 USD to bob@example.com",
                OutboxEntry.State.FAILED, null, null, code, words, 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aRefusalSpeaksTheAppsLanguage() {
        Texts.use(Texts.SPANISH);

        OutboxRow row = OutboxRow.of(refused("INSUFFICIENT_BALANCE", "Available balance 10.00 USD is less than 1500.00"));

        assertThat(row.failed()).isTrue();
        assertThat(row.text()).isEqualTo("Fallido: Pago de 1.500,00 USD a bob@example.com — "
                + "No hay suficiente dinero disponible. (Available balance 10.00 USD is less than 1500.00)");
    }

    @Test
    void aCodeThisAppDoesNotKnowShowsTheServersWords() {
        Texts.use(Texts.ENGLISH);

        assertThat(OutboxRow.of(refused("SOMETHING_NEW", "A rule added later")).text())
                .isEqualTo("Failed: Payment of 1,500.00 USD to bob@example.com — A rule added later");
    }
}
