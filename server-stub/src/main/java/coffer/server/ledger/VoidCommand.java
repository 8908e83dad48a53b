package coffer.server.ledger;

import java.util.Objects;

/**
 * Void a pending hold of the environment: nothing moves.
 *
 * @param reason what the movement's history shows as its failure; {@code voided} when none is given
 */
public record VoidCommand(EnvId env, HoldId hold, String reason) {
    public VoidCommand {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(hold, "hold");
        reason = reason == null ? "voided" : reason;
    }

    /** The void's fields, in the order stored keys were made with. */
    public Fingerprint fingerprint() {
        return Fingerprint.of("void").text(env.value()).text(hold.value()).text(reason);
    }
}
