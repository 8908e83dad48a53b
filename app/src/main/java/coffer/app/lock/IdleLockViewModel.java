package coffer.app.lock;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.i18n.Texts;
import coffer.app.offline.PasswordVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idle lock: after {@code idle} without a key or mouse input while a user is signed in, the window locks
 * until the user's password is typed again. The password is checked on this computer against a
 * {@link PasswordVerifier} made at sign-in, so unlocking works offline. A session resumed without a password
 * (a remembered refresh token) whose verifier is missing can only be signed out of. After
 * {@value #FREE_TRIES} wrong passwords each further try waits longer (2, 4, 8 ... up to 60 seconds).
 *
 * <p>Time is the injected clock's; the view calls {@link #tick()} every half second and {@link #activity()} on
 * each input. The password is never logged, nor kept after its verifier is made.
 */
public final class IdleLockViewModel extends ScreenViewModel {
    /** Wrong passwords allowed before a pause. */
    static final int FREE_TRIES = 2;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(IdleLockViewModel.class);

    private final BackgroundExecutor executor;
    private final Supplier<Duration> idle;
    private final Clock clock;
    private final Path home;
    private final Runnable signOut;
    private final ReadOnlyBooleanWrapper lockedWrapper = new ReadOnlyBooleanWrapper();
    /** True while the window is locked: its content is covered and out of reach. */
    public final ReadOnlyBooleanProperty locked = lockedWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper canUnlockWrapper = new ReadOnlyBooleanWrapper();
    /** True when the password can be checked here; false offers only signing out. */
    public final ReadOnlyBooleanProperty canUnlock = canUnlockWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper waitingWrapper = new ReadOnlyBooleanWrapper();
    /** True while a wrong password's pause runs: no try is taken meanwhile. */
    public final ReadOnlyBooleanProperty waiting = waitingWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper emailWrapper = new ReadOnlyStringWrapper("");
    /** The signed-in user's email, shown on the lock. */
    public final ReadOnlyStringProperty email = emailWrapper.getReadOnlyProperty();
    /** The password typed on the lock. */
    public final StringProperty password = new SimpleStringProperty("");
    /** Counts sessions: a verifier made or read for an earlier one is dropped. */
    private long session;
    private boolean active;
    private Instant lastInput;
    private int failures;
    private Instant retryAt;
    /** The password of the sign-in under way, until its verifier is made; never logged. */
    private String typed;
    private PasswordVerifier verifier;

    /**
     * @param idle    how long without input before locking, read at each {@link #tick} so a change in the settings
     *                holds from then on; zero never locks
     * @param home    the app's folder, whose {@code local} folder holds the users' verifiers
     * @param signOut signs the user out (the lock's way out when the password is not known here)
     */
    public IdleLockViewModel(BackgroundExecutor executor, Supplier<Duration> idle, Clock clock, Path home,
                             Runnable signOut) {
        super(executor);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.home = Objects.requireNonNull(home, "home");
        this.signOut = Objects.requireNonNull(signOut, "signOut");
    }

    /** How long without input before locking; zero when the lock is off. */
    public Duration idle() {
        return idle.get();
    }

    /**
     * Watches a sign-in form's password: the form empties it once signed in, and the text it held then is the
     * password the next {@link #signedIn} makes its verifier of.
     */
    public void watchSignIn(ObservableValue<String> signInPassword) {
        signInPassword.addListener((o, was, now) -> typed = (now == null || now.isEmpty()) && was != null
                && !was.isEmpty() ? was : null);
    }

    /**
     * A user is signed in on the server keyed {@code server} (as their local data is): the idle time starts.
     * After a sign-in with a password its verifier is made and saved (in the background); otherwise the one
     * saved at an earlier sign-in is read, if any.
     */
    public void signedIn(String server, String user) {
        long mine = ++session;
        active = true;
        lastInput = clock.instant();
        failures = 0;
        retryAt = null;
        waitingWrapper.set(false);
        lockedWrapper.set(false);
        emailWrapper.set(user);
        verifier = null;
        canUnlockWrapper.set(false);
        String secret = typed;
        typed = null;
        Path file = PasswordVerifier.file(home, server, user);
        executor.submit(() -> secret != null ? Optional.of(madeAndSaved(secret, file)) : PasswordVerifier.load(file),
                found -> {
                    if (mine == session) {
                        verifier = found.orElse(null);
                        canUnlockWrapper.set(found.isPresent());
                    }
                }, failure -> log.warn("The password verifier cannot be read: {}", failure.getClass().getSimpleName()));
    }

    private static PasswordVerifier madeAndSaved(String secret, Path file) {
        char[] chars = secret.toCharArray();
        try {
            PasswordVerifier made = PasswordVerifier.of(chars);
            try {
                made.save(file);
            } catch (RuntimeException e) {
                // this session can still be unlocked; a later one resumed without a password cannot
                log.warn("The password verifier cannot be saved: {}", e.getMessage());
            }
            return made;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The session ended: no lock, nothing kept. */
    public void signedOut() {
        session++;
        active = false;
        typed = null;
        verifier = null;
        canUnlockWrapper.set(false);
        lockedWrapper.set(false);
        waitingWrapper.set(false);
        emailWrapper.set("");
        password.set("");
        state.clear();
    }

    /** A key or mouse input in the window: the idle time starts again (not while locked). */
    public void activity() {
        if (active && !locked.get()) {
            lastInput = clock.instant();
        }
    }

    /** Locks when the idle time has passed, and counts a wrong password's pause down. */
    public void tick() {
        Instant now = clock.instant();
        if (active && !locked.get() && !idle().isZero() && !now.isBefore(lastInput.plus(idle()))) {
            lock();
        }
        if (retryAt != null) {
            if (now.isBefore(retryAt)) {
                state.error(Texts.text("lock.wrongWait", secondsUntil(now, retryAt)));
            } else {
                retryAt = null;
                waitingWrapper.set(false);
                state.error(Texts.text("lock.wrong"));
            }
        }
    }

    /** Locks now (the user asked); only while signed in. */
    public void lockNow() {
        if (active) {
            lock();
        }
    }

    private void lock() {
        password.set("");
        if (retryAt == null) {
            state.clear();
        }
        lockedWrapper.set(true);
    }

    /** Checks the typed password here (in the background); the right one unlocks, a wrong one may make the next wait. */
    public void unlock() {
        PasswordVerifier known = verifier;
        if (!locked.get() || known == null || state.isBusy()) {
            return;
        }
        Instant now = clock.instant();
        if (retryAt != null && now.isBefore(retryAt)) {
            state.error(Texts.text("lock.wrongWait", secondsUntil(now, retryAt)));
            return;
        }
        String secret = password.get() == null ? "" : password.get();
        if (secret.isEmpty()) {
            state.error(Texts.text("lock.enterPassword"));
            return;
        }
        long mine = session;
        state.run(() -> {
            char[] chars = secret.toCharArray();
            try {
                return known.matches(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }, right -> {
            if (mine != session) {
                return;
            }
            password.set("");
            if (right) {
                failures = 0;
                retryAt = null;
                waitingWrapper.set(false);
                state.clear();
                lastInput = clock.instant();
                lockedWrapper.set(false);
            } else {
                failures++;
                Duration wait = waitAfter(failures);
                retryAt = wait.isZero() ? null : clock.instant().plus(wait);
                waitingWrapper.set(retryAt != null);
                state.error(retryAt == null ? Texts.text("lock.wrong")
                        : Texts.text("lock.wrongWait", wait.toSeconds()));
            }
        });
    }

    /** Signs out from the lock: the session ends, and with it the lock. */
    public void signOut() {
        signedOut();
        signOut.run();
    }

    /** The pause after the {@code failures}-th wrong password in a row: none at first, then doubling up to a minute. */
    static Duration waitAfter(int failures) {
        if (failures <= FREE_TRIES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_TRIES, 6);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }
}
