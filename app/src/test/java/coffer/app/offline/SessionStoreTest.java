package coffer.app.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    @TempDir
    Path home;

    @Test
    void theLastSessionOfAServerIsRememberedInAFileOnlyItsOwnerCanRead() throws Exception {
        SessionStore store = new SessionStore(home, SecretVault.NONE);

        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-1"));
        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-2"));

        assertThat(store.load("https://coffer.example")).hasValueSatisfying(s -> {
            assertThat(s.email()).isEqualTo("alice@example.com");
            assertThat(s.refreshToken()).as("the newest: tokens are single-use").isEqualTo("rt-2");
            assertThat(s.toString()).doesNotContain("rt-2");
        });
        assertThat(store.load("https://other.example")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void signingOutForgetsIt() {
        SessionStore store = new SessionStore(home, SecretVault.NONE);
        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-1"));

        store.clear();

        assertThat(store.load("https://coffer.example")).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void withAKeychainTheTokenIsKeptThereNotInTheFileAndSigningOutRemovesItFromBoth() throws Exception {
        Keychain keychain = new Keychain();
        SessionStore store = new SessionStore(home, keychain);

        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-1"));
        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-2"));

        assertThat(Files.readString(store.file())).doesNotContain("rt-").contains("alice@example.com");
        assertThat(keychain.entries).containsExactly(java.util.Map.entry("alice@example.com on https://coffer.example", "rt-2"));
        assertThat(new SessionStore(home, keychain).load("https://coffer.example"))
                .hasValueSatisfying(s -> assertThat(s.refreshToken()).isEqualTo("rt-2"));
        assertThat(new SessionStore(home, SecretVault.NONE).load("https://coffer.example"))
                .as("the file alone cannot sign anyone in").isEmpty();

        store.clear();

        assertThat(keychain.entries).isEmpty();
        assertThat(store.file()).doesNotExist();
        assertThat(store.load("https://coffer.example")).isEmpty();
    }

    @Test
    void aKeychainThatRefusesLeavesTheTokenInTheOwnerOnlyFile() throws Exception {
        Keychain keychain = new Keychain();
        keychain.refusing = true;
        SessionStore store = new SessionStore(home, keychain);

        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-1"));

        assertThat(keychain.entries).isEmpty();
        assertThat(Files.readString(store.file())).contains("rt-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load("https://coffer.example")).hasValueSatisfying(s -> assertThat(s.refreshToken()).isEqualTo("rt-1"));
    }

    @Test
    void testsRunWithTheKeychainSwitchedOff() {
        assertThat(OsKeychain.orNone()).as("a test must never write into the machine's keychain").isSameAs(SecretVault.NONE);
    }

    /** A keychain in memory that can be told to refuse. */
    private static final class Keychain implements SecretVault {
        final java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        boolean refusing;

        @Override
        public java.util.Optional<String> read(String account) {
            return java.util.Optional.ofNullable(entries.get(account));
        }

        @Override
        public boolean write(String account, String secret) {
            if (refusing) {
                return false;
            }
            entries.put(account, secret);
            return true;
        }

        @Override
        public void delete(String account) {
            entries.remove(account);
        }
    }

    @Test
    void eachUserOfEachServerHasTheirOwnLocalDatabaseNamedWithoutTheirEmail() {
        SessionStore store = new SessionStore(home);

        Path alice = store.localDatabase("https://coffer.example", "alice@example.com");

        assertThat(alice).isEqualTo(store.localDatabase("https://coffer.example", "Alice@Example.com"));
        assertThat(alice).isNotEqualTo(store.localDatabase("https://coffer.example", "bob@example.com"))
                .isNotEqualTo(store.localDatabase("https://other.example", "alice@example.com"));
        assertThat(alice.getFileName().toString()).doesNotContain("alice").endsWith(".db");
    }

    /** The keychain is opened on the first read or write, once, and not by making the store (the window waits for that). */
    @Test
    void theKeychainIsOpenedOnFirstUseOnlyAndOnce(@TempDir Path home) {
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        SecretVault vault = SecretVault.lazy(() -> {
            opened.incrementAndGet();
            return SecretVault.NONE;
        });
        new SessionStore(home, vault);
        assertThat(opened).as("opened by making the store").hasValue(0);

        vault.read("alice");
        vault.write("alice", "token");
        vault.delete("alice");
        assertThat(opened).as("opened by use").hasValue(1);
    }
}
