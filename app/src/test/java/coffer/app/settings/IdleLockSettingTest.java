package coffer.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
