package coffer.app.offline;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Where a secret can be kept apart from the app's files: the operating system's keychain, or nowhere. */
public interface SecretVault {
    /** No vault: every secret stays in the app's owner-only file. */
    SecretVault NONE = new SecretVault() {
        @Override
        public Optional<String> read(String account) {
            return Optional.empty();
        }

        @Override
        public boolean write(String account, String secret) {
            return false;
        }

        @Override
        public void delete(String account) {
        }
    };

    /** The secret kept for {@code account}; empty when there is none or the vault cannot be read. */
    Optional<String> read(String account);

    /** Keeps {@code secret} for {@code account}; false when the vault cannot (the caller keeps it elsewhere). */
    boolean write(String account, String secret);

    /** Forgets {@code account}'s secret, if any; never fails. */
    void delete(String account);

    /**
     * The vault {@code opening} makes, made on first use (once, whichever thread asks first). Opening the OS
     * keychain loads a native library and talks to the desktop's secret service: a few hundred milliseconds the
     * app's window should not wait for, so it happens when a session is first read or saved, off the UI thread.
     */
    static SecretVault lazy(Supplier<SecretVault> opening) {
        Objects.requireNonNull(opening, "opening");
        return new SecretVault() {
            private SecretVault opened;

            private synchronized SecretVault vault() {
                if (opened == null) {
                    opened = Objects.requireNonNull(opening.get(), "vault");
                }
                return opened;
            }

            @Override
            public Optional<String> read(String account) {
                return vault().read(account);
            }

            @Override
            public boolean write(String account, String secret) {
                return vault().write(account, secret);
            }

            @Override
            public void delete(String account) {
                vault().delete(account);
            }
        };
    }
}
