package coffer.app;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LocalUser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** A signed-in user's local data in a fresh file of {@code dir}, its outbox sent through {@code api}, as the app wires it. */
public final class TestLocalUser {
    private TestLocalUser() {
    }

    public static LocalUser open(ApiClient api, BackgroundExecutor executor, Path dir) {
        return LocalUser.open("user@example.com", dir.resolve(UUID.randomUUID() + ".db"),
                OutboxSender.Transport.of(api::pay, api::transfer), executor, Clock.systemUTC());
    }
}
