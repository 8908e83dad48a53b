package coffer.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which language the app speaks, and that each language's texts are the ones shown. */
class TextsTest {
    private static final Locale MEXICO = Locale.forLanguageTag("es-MX");

    @Test
    void aSpanishSystemGetsSpanishAnyOtherEnglish() {
        assertThat(Texts.choose(null, MEXICO)).isEqualTo(Texts.SPANISH);
        assertThat(Texts.choose(null, Locale.forLanguageTag("es-ES"))).isEqualTo(Texts.SPANISH);
        assertThat(Texts.choose(null, Locale.US)).isEqualTo(Texts.ENGLISH);
        assertThat(Texts.choose(null, Locale.GERMANY)).isEqualTo(Texts.ENGLISH);
        assertThat(Texts.choose(null, Locale.ROOT)).isEqualTo(Texts.ENGLISH);
    }

    @Test
    void thePropertyChoosesOverTheSystem() {
        assertThat(Texts.choose("es", Locale.GERMANY)).isEqualTo(Texts.SPANISH);
        assertThat(Texts.choose(" en ", MEXICO)).isEqualTo(Texts.ENGLISH);
        assertThat(Texts.choose("fr", MEXICO)).as("a language the app does not speak is ignored").isEqualTo(Texts.SPANISH);
        assertThat(Texts.choose("", Locale.US)).isEqualTo(Texts.ENGLISH);
    }

    @Test
    void spanishTextsKeepTheirAccents() {
        assertThat(Texts.bundle(Texts.SPANISH).getString("main.signOut")).isEqualTo("Cerrar sesión");
        assertThat(Texts.bundle(MEXICO).getString("main.nav.topup")).isEqualTo("Recargar");
        assertThat(Texts.bundle(Locale.GERMANY).getString("main.signOut")).isEqualTo("Sign out");
    }

    @Test
    void englishChosenOnASpanishSystemIsEnglish() {
        Locale system = Locale.getDefault();
        Locale.setDefault(MEXICO);
        try {
            // without care, ResourceBundle answers a missing messages_en with the system language's messages_es
            assertThat(Texts.bundle(Texts.ENGLISH).getString("main.signOut")).isEqualTo("Sign out");
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void theScreensLoadInTheLanguageInUse() {
        Locale before = Texts.locale();
        try {
            Texts.use(MEXICO);
            assertThat(Texts.locale()).isEqualTo(Texts.SPANISH);
            assertThat(Texts.bundle().getString("main.nav.withdraw")).isEqualTo("Retirar");
            Texts.use(Locale.UK);
            assertThat(Texts.bundle().getString("main.nav.withdraw")).isEqualTo("Withdraw");
        } finally {
            Texts.use(before);
        }
    }
}
