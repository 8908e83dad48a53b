package coffer.app.offline;

import java.util.Optional;

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
}
