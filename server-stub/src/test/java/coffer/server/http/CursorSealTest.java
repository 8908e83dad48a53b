package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorSealTest {
    private static final Principal ALICE = new Principal("env-1", "usr_alice", "ses_1");
    private final CursorSeal seal = new CursorSeal("key-one-of-32-bytes-for-testing!".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSealedCursorOpensForItsCallerAndKind() {
        assertThat(seal.open(ALICE, "sync", seal.seal(ALICE, "sync", "42"))).isEqualTo("42");
    }

    @Test
    void anotherCallerKindOrKeyIsRefused() {
        String cursor = seal.seal(ALICE, "sync", "42");
        assertRefused(() -> seal.open(new Principal("env-1", "usr_bob", "ses_2"), "sync", cursor));
        assertRefused(() -> seal.open(new Principal("env-2", "usr_alice", "ses_1"), "sync", cursor));
        assertRefused(() -> seal.open(ALICE, "history", cursor));
        CursorSeal otherServer = new CursorSeal("another-key-of-32-bytes-testing!".getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> otherServer.open(ALICE, "sync", cursor));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "42", "43.AAAAAAAAAAAAAAAAAAAAAA", ".AAAA", "42.%%%", "42.AAAA.BBBB"})
    void garbledCursorsAreInvalidRequests(String cursor) {
        assertRefused(() -> seal.open(ALICE, "sync", cursor));
    }

    @Test
    void aChangedPayloadNoLongerMatchesItsSeal() {
        String cursor = seal.seal(ALICE, "sync", "42");
        assertRefused(() -> seal.open(ALICE, "sync", "43" + cursor.substring(2)));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CofferException.class)
                .satisfies(e -> assertThat(((CofferException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
