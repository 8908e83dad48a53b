package coffer.app.offline;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.local.LocalDatabase;
import coffer.app.local.LocalLedger;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxSender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the app keeps locally for the signed-in user, all in one database file: their copy of the ledger
 * (kept by sync), its outbox and the sender of it.
 */
public final class LocalUser implements AutoCloseable {
    private final String email;
    private final LocalDatabase database;
    private final LocalLedger ledger;
    private final OutboxSender sender;
    private final LastSyncedWallets wallets;
    private final LastSavedOrganizations organizations;

    private LocalUser(String email, LocalDatabase database, OutboxSender sender) {
        this.email = email;
        this.database = database;
        this.ledger = new LocalLedger(database);
        this.sender = sender;
        this.wallets = new LastSyncedWallets(database);
        this.organizations = new LastSavedOrganizations(database);
    }

    /** Opens (creating if needed) the user's database; blocking, so call it in the background. */
    public static LocalUser open(String email, Path file, OutboxSender.Transport transport,
                                 BackgroundExecutor executor, Clock clock) {
        Objects.requireNonNull(email, "email");
        LocalDatabase database = LocalDatabase.open(file);
        return new LocalUser(email, database, new OutboxSender(new Outbox(database, clock), transport, executor));
    }

    public String email() {
        return email;
    }

    public LocalDatabase database() {
        return database;
    }

    /** The user's copy of the ledger, kept by {@code SyncEngine}; screens read it. */
    public LocalLedger ledger() {
        return ledger;
    }

    public OutboxSender sender() {
        return sender;
    }

    public LastSyncedWallets wallets() {
        return wallets;
    }

    /** The organizations the user belongs to, as last listed: the holder switcher's while offline. */
    public LastSavedOrganizations organizations() {
        return organizations;
    }

    @Override
    public void close() {
        sender.stop();
        database.close();
    }
}
