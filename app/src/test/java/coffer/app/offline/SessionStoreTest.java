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
        SessionStore store = new SessionStore(home);

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
        SessionStore store = new SessionStore(home);
        store.save(new SessionStore.Saved("https://coffer.example", "alice@example.com", "rt-1"));

        store.clear();

        assertThat(store.load("https://coffer.example")).isEmpty();
        assertThat(store.file()).doesNotExist();
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
}
