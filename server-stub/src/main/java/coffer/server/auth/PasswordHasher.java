package coffer.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.util.Objects;

/**
 * Hashes and checks user passwords with Argon2id (the password-hashing competition's winner and the
 * current recommendation), through a maintained library rather than hand-rolled crypto. The hash
 * string carries its own salt and parameters, so parameters can be raised later without breaking
 * existing users.
 */
public final class PasswordHasher {
    private final Argon2Function function;

    private PasswordHasher(Argon2Function function) {
        this.function = function;
    }

    /** Argon2id, 19 MiB, 2 iterations, 1 lane: the minimum that current guidance recommends. */
    public static PasswordHasher standard() {
        return new PasswordHasher(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID));
    }

    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    /** True when {@code password} matches {@code hash}; false for a null or malformed hash. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
