package coffer.server.ledger;

import coffer.core.money.Money;

import java.util.Objects;

/**
 * Capture a pending hold of the environment.
 *
 * @param amount the part to capture (the rest is released), or null for all of it
 */
public record CaptureCommand(EnvId env, HoldId hold, Money amount) {
    public CaptureCommand {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(hold, "hold");
    }

    /** Captures all of the hold. */
    public static CaptureCommand all(EnvId env, HoldId hold) {
        return new CaptureCommand(env, hold, null);
    }

    /** The capture's fields, in the order stored keys were made with. */
    public Fingerprint fingerprint() {
        return Fingerprint.of("capture").text(env.value()).text(hold.value()).money(amount)
                .legacy(amount == null ? "all" : amount.toString());
    }
}
