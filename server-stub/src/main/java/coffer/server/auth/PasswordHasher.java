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
    /**
     * A {@link #standard()} hash of 32 random bytes that were thrown away: no password matches it. Fixed
     * rather than made at start, where a cold JVM spends most of a second on one Argon2 hash.
     */
    private static final String STANDARD_DECOY =
            "$argon2id$v=19$m=19456,t=2,p=1$s8VVo3Lf2weJ4L7piwKMnQ$uxKLXD3Ho4XFnFNXl16YsBQDQdbVvZhdMxVnXUhC4B8";

    private final Argon2Function function;
    private final String decoy;

    private PasswordHasher(Argon2Function function, String decoy) {
        this.function = function;
        this.decoy = decoy;
    }

    /** Argon2id, 19 MiB, 2 iterations, 1 lane: the minimum that current guidance recommends. */
    public static PasswordHasher standard() {
        return new PasswordHasher(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID), STANDARD_DECOY);
    }

    /**
     * A hash with this hasher's parameters that no password matches: what a sign-in with an unknown email
     * is checked against, so it takes as long as one with a known email.
     */
    public String decoyHash() {
        return decoy;
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
