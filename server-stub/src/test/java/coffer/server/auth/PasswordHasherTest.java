package coffer.server.auth;

import coffer.server.tenant.DemoData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = PasswordHasher.standard();

    /** {@code $argon2id$v=19$m=…,t=…,p=…}: what decides how long checking a hash takes. */
    private static String parameters(String hash) {
        return hash.substring(0, hash.indexOf('$', hash.indexOf("$m=") + 1));
    }

    @Test
    void theDecoyCostsWhatARealHashCostsToCheck() {
        assertThat(parameters(hasher.decoyHash())).isEqualTo(parameters(hasher.hash("any password")))
                .isEqualTo("$argon2id$v=19$m=19456,t=2,p=1");
    }

    @Test
    void noPasswordMatchesTheDecoy() {
        for (String guess : new String[] {"", "demo-password", "decoy-password-for-timing", "password", "0"}) {
            assertThat(hasher.matches(guess, hasher.decoyHash())).as(guess).isFalse();
        }
    }

    @Test
    void theDemoPasswordsStoredHashIsOfTheDemoPassword() {
        assertThat(parameters(DemoData.PASSWORD_HASH)).isEqualTo(parameters(hasher.hash("any password")));
        assertThat(hasher.matches(DemoData.PASSWORD, DemoData.PASSWORD_HASH)).isTrue();
        assertThat(hasher.matches("demo-password ", DemoData.PASSWORD_HASH)).isFalse();
    }

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hash).isNotEqualTo(hasher.hash("correct horse"));
    }
}
