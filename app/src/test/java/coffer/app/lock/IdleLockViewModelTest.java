package coffer.app.lock;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.app.offline.PasswordVerifier;
import coffer.app.settings.AppSettings;
import coffer.app.settings.IdleLockChoice;
import coffer.app.settings.SettingsViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The idle lock: time by a clock the test moves, the password checked here against the verifier made at sign-in. */
class IdleLockViewModelTest {
    private static final String SERVER = "https://coffer.example.com";
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;
    private final MovingClock clock = new MovingClock();
    private final AtomicInteger signOuts = new AtomicInteger();

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private IdleLockViewModel lock(Duration idle) {
        return new IdleLockViewModel(BackgroundExecutor.sameThread(), () -> idle, clock, home, signOuts::incrementAndGet);
    }

    /** Signs in through a form whose password field the lock watches, as the sign-in screen empties it on success. */
    private static void signInWithPassword(IdleLockViewModel lock, String password) {
        StringProperty field = new SimpleStringProperty("");
        lock.watchSignIn(field);
        field.set(password.substring(0, 3));
        field.set(password);
        field.set("");
        lock.signedIn(SERVER, EMAIL);
    }

    @Test
    void aTimeChosenOnTheSettingsScreenHoldsWithoutARestart() {
        AppSettings settings = AppSettings.load(home);
        IdleLockViewModel lock = new IdleLockViewModel(BackgroundExecutor.sameThread(), settings::idleLock, clock, home,
                signOuts::incrementAndGet);
        signInWithPassword(lock, PASSWORD);
        SettingsViewModel form = new SettingsViewModel(settings, BackgroundExecutor.sameThread(), saved -> { });
        form.idleLock.set(new IdleLockChoice(Duration.ofMinutes(1)));
        form.save();

        clock.move(Duration.ofMinutes(1));
        lock.tick();
        assertThat(lock.locked.get()).as("a minute idle once a minute was chosen, not the ten of the start").isTrue();
    }

    @Test
    void locksOnlyOnceTheIdleTimeHasPassedAndInputStartsItAgain() {
        IdleLockViewModel lock = lock(Duration.ofMinutes(10));
        signInWithPassword(lock, PASSWORD);

        clock.move(Duration.ofMinutes(9));
        lock.tick();
        assertThat(lock.locked.get()).as("9 minutes idle").isFalse();

        lock.activity();
        clock.move(Duration.ofMinutes(9));
        lock.tick();
        assertThat(lock.locked.get()).as("9 minutes after the last input").isFalse();

        clock.move(Duration.ofMinutes(1));
        lock.tick();
        assertThat(lock.locked.get()).as("10 minutes after the last input").isTrue();
        assertThat(lock.email.get()).isEqualTo(EMAIL);
        assertThat(lock.canUnlock.get()).isTrue();

        lock.activity();
        assertThat(lock.locked.get()).as("input does not unlock").isTrue();
    }

    @Test
    void neverLocksWhenTheIdleTimeIsZeroNorWhileSignedOut() {
        IdleLockViewModel never = lock(Duration.ZERO);
        signInWithPassword(never, PASSWORD);
        clock.move(Duration.ofDays(1));
        never.tick();
        assertThat(never.locked.get()).isFalse();

        IdleLockViewModel signedOut = lock(Duration.ofMinutes(1));
        clock.move(Duration.ofHours(1));
        signedOut.tick();
        signedOut.lockNow();
        assertThat(signedOut.locked.get()).isFalse();
    }

    @Test
    void theRightPasswordUnlocksAndAWrongOneSaysSo() {
        IdleLockViewModel lock = lock(Duration.ofMinutes(5));
        signInWithPassword(lock, PASSWORD);
        lock.lockNow();

        lock.unlock();
        assertThat(lock.error.get()).isEqualTo("Enter your password.");

        lock.password.set("not the password");
        lock.unlock();
        assertThat(lock.locked.get()).isTrue();
        assertThat(lock.error.get()).isEqualTo("Wrong password.");
        assertThat(lock.password.get()).as("the wrong password is cleared").isEmpty();

        lock.password.set(PASSWORD);
        lock.unlock();
        assertThat(lock.locked.get()).isFalse();
        assertThat(lock.error.get()).isEmpty();
        assertThat(lock.password.get()).isEmpty();

        clock.move(Duration.ofMinutes(4));
        lock.tick();
        assertThat(lock.locked.get()).as("unlocking started the idle time again").isFalse();
    }

    @Test
    void repeatedWrongPasswordsMakeTheNextTryWaitLongerAndLonger() {
        IdleLockViewModel lock = lock(Duration.ofMinutes(5));
        signInWithPassword(lock, PASSWORD);
        lock.lockNow();
        for (int i = 0; i < IdleLockViewModel.FREE_TRIES; i++) {
            lock.password.set("wrong " + i);
            lock.unlock();
            assertThat(lock.waiting.get()).isFalse();
        }
        lock.password.set("wrong again");
        lock.unlock();
        assertThat(lock.waiting.get()).isTrue();
        assertThat(lock.error.get()).isEqualTo("Wrong password. Try again in 2 s.");

        lock.password.set(PASSWORD);
        lock.unlock();
        assertThat(lock.locked.get()).as("even the right password waits its turn").isTrue();

        clock.move(Duration.ofSeconds(2));
        lock.tick();
        assertThat(lock.waiting.get()).isFalse();
        lock.password.set("wrong once more");
        lock.unlock();
        assertThat(lock.error.get()).isEqualTo("Wrong password. Try again in 4 s.");

        assertThat(IdleLockViewModel.waitAfter(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(IdleLockViewModel.waitAfter(40)).isEqualTo(Duration.ofSeconds(60));

        clock.move(Duration.ofSeconds(4));
        lock.tick();
        lock.password.set(PASSWORD);
        lock.unlock();
        assertThat(lock.locked.get()).isFalse();
    }

    @Test
    void theVerifierOnDiskIsOwnerOnlyAndHoldsNoTraceOfThePassword() throws Exception {
        IdleLockViewModel lock = lock(Duration.ofMinutes(5));
        signInWithPassword(lock, PASSWORD);

        Path file = PasswordVerifier.file(home, SERVER, EMAIL);
        assertThat(file).exists();
        String stored = Files.readString(file, StandardCharsets.ISO_8859_1);
        byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain(PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(password))
                .doesNotContain(HexFormat.of().formatHex(password))
                .contains("PBKDF2WithHmacSHA256");
        assertThat(stored).as("the file does not name the user").doesNotContainIgnoringCase(EMAIL);
        assertThat(file.getFileName().toString()).doesNotContain("alice");
        assertThat(PasswordVerifier.load(file)).get().satisfies(v -> {
            assertThat(v.iterations()).isGreaterThanOrEqualTo(210_000);
            assertThat(v.toString()).doesNotContain(PASSWORD);
        });
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSessionResumedWithoutAPasswordUsesTheVerifierOfAnEarlierSignIn() {
        signInWithPassword(lock(Duration.ofMinutes(5)), PASSWORD);

        IdleLockViewModel resumed = lock(Duration.ofMinutes(5));
        resumed.signedIn(SERVER, EMAIL);
        resumed.lockNow();
        assertThat(resumed.canUnlock.get()).isTrue();
        resumed.password.set(PASSWORD);
        resumed.unlock();
        assertThat(resumed.locked.get()).isFalse();
    }

    @Test
    void aSessionResumedWithoutAnyVerifierCanOnlySignOut() {
        IdleLockViewModel lock = lock(Duration.ofMinutes(5));
        lock.signedIn(SERVER, "bob@example.com");
        lock.lockNow();
        assertThat(lock.locked.get()).isTrue();
        assertThat(lock.canUnlock.get()).isFalse();

        lock.password.set("anything");
        lock.unlock();
        assertThat(lock.locked.get()).isTrue();

        lock.signOut();
        assertThat(signOuts.get()).isEqualTo(1);
        assertThat(lock.locked.get()).isFalse();
        clock.move(Duration.ofHours(1));
        lock.tick();
        assertThat(lock.locked.get()).as("signed out: nothing to lock").isFalse();
    }

    @Test
    void aWrongPasswordIsToldInSpanish() {
        Texts.use(Texts.SPANISH);
        IdleLockViewModel lock = lock(Duration.ofMinutes(5));
        signInWithPassword(lock, PASSWORD);
        lock.lockNow();
        lock.password.set("mal");
        lock.unlock();
        assertThat(lock.error.get()).isEqualTo("Contraseña incorrecta.");
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
