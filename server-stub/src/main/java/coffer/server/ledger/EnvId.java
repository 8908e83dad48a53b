package coffer.server.ledger;

import java.util.Objects;

/** An environment's id, typed so that it cannot be passed where a wallet's or a user's goes. */
public record EnvId(String value) {
    public EnvId {
        Objects.requireNonNull(value, "env id");
    }
}
