package coffer.app.offline;

import com.github.javakeyring.Keyring;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keychain through java-keyring: the macOS Keychain, the Windows Credential Manager,
 * or the Secret Service (GNOME Keyring, KWallet) on Linux, under the service name "Coffer". Where there is
 * none, or it refuses (no desktop session, locked), every call says so and {@link SessionStore} keeps the
 * token in its owner-only file instead. Secrets are never logged; failures are, by their kind only.
 */
public final class OsKeychain implements SecretVault {
    private static final Logger log = LoggerFactory.getLogger(OsKeychain.class);
    private static final String SERVICE = "Coffer";
    /** {@code -Dcoffer.keychain=off}: never use the keychain (the tests set it). */
    static final String SWITCH = "coffer.keychain";

    private final Keyring keyring;

    private OsKeychain(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The OS keychain, or {@link SecretVault#NONE} where there is none or it is switched off. */
    public static SecretVault orNone() {
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH))) {
            return SecretVault.NONE;
        }
        try {
            return new OsKeychain(Keyring.create());
        } catch (Exception | LinkageError e) {
            log.info("No OS keychain here ({}); the refresh token stays in an owner-only file", e.getClass().getSimpleName());
            return SecretVault.NONE;
        }
    }

    @Override
    public Optional<String> read(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (Exception | LinkageError e) {
            log.info("The OS keychain could not be read ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public boolean write(String account, String secret) {
        try {
            keyring.setPassword(SERVICE, account, secret);
            return true;
        } catch (Exception | LinkageError e) {
            log.info("The OS keychain refused the token ({}); keeping it in an owner-only file", e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (Exception | LinkageError e) {
            log.debug("Nothing removed from the OS keychain ({})", e.getClass().getSimpleName());
        }
    }
}
