package coffer.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idle lock's time: ten minutes unless the settings file or -Dcoffer.idleLock says otherwise; 0 is never. */
class IdleLockSettingTest {
    @TempDir
    Path home;

    @AfterEach
    void noOverride() {
        System.clearProperty(AppSettings.IDLE_LOCK_PROPERTY);
    }

    private void file(String minutes) throws IOException {
        Files.writeString(home.resolve("settings.properties"), "idle.lock.minutes=" + minutes + "\n");
    }

    @Test
    void tenMinutesUntilSetOtherwise() {
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theSettingsFileSetsItInMinutesAndZeroIsNever() throws IOException {
        file("5");
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ofMinutes(5));
        file("0.5");
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ofSeconds(30));
        file("0");
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ZERO);
        file("soon");
        assertThat(AppSettings.load(home).idleLock()).as("not a number").isEqualTo(Duration.ofMinutes(10));
        file("-3");
        assertThat(AppSettings.load(home).idleLock()).as("negative").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theSystemPropertyGoesOverTheFile() throws IOException {
        file("5");
        System.setProperty(AppSettings.IDLE_LOCK_PROPERTY, "2");
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ofMinutes(2));
        System.setProperty(AppSettings.IDLE_LOCK_PROPERTY, "0");
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ZERO);
    }

    @Test
    void whatIsSetIsKept() {
        AppSettings.load(home).setIdleLock(Duration.ofSeconds(90));
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ofSeconds(90));
        AppSettings.load(home).setIdleLock(Duration.ZERO);
        assertThat(AppSettings.load(home).idleLock()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theSettingsScreenOffersTheUsualTimesAndTheOneInUseAndSavesTheChoice() throws IOException {
        file("2.5");
        Locale language = Texts.locale();
        try {
            SettingsViewModel form = new SettingsViewModel(AppSettings.load(home), BackgroundExecutor.sameThread(), saved -> { });
            assertThat(form.idleLock.get().toString()).isEqualTo("After 2.5 minutes without use");
            assertThat(form.idleLocks).extracting(IdleLockChoice::toString).containsExactly("After 1 minute without use",
                    "After 2.5 minutes without use", "After 5 minutes without use", "After 10 minutes without use",
                    "After 15 minutes without use", "After 30 minutes without use", "After 60 minutes without use", "Never");
            Texts.use(Texts.SPANISH);
            assertThat(form.idleLock.get().toString()).isEqualTo("Tras 2,5 minutos sin uso");

            form.idleLock.set(form.idleLocks.get(form.idleLocks.size() - 1));
            form.save();
            assertThat(AppSettings.load(home).idleLock()).as("never, kept for the next start").isEqualTo(Duration.ZERO);
        } finally {
            Texts.use(language);
        }
    }
}
