package coffer.server.ledger;

import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;

import java.util.Objects;

/**
 * Move a wallet to {@code status} as {@code actor} may, audited with {@code reason}.
 *
 * @param actingUser for a user's own request, the wallet must be theirs; null for a partner or the operator
 */
public record WalletStatusChange(EnvId env, UserId actingUser, WalletId wallet, WalletStatus status, StatusActor actor,
                                 String reason) {
    public WalletStatusChange {
        // the ids are read when the task is built, so a missing one fails there
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actor, "actor");
    }

    /** The change's fields, in the order stored keys were made with. */
    public Fingerprint fingerprint() {
        return Fingerprint.of("status").text(env.value()).text(UserId.text(actingUser)).text(wallet.value()).name(status)
                .name(actor).text(reason);
    }
}
