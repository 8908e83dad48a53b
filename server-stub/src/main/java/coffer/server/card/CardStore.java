package coffer.server.card;

import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.gateway.PaymentProvider.SavedCard;
import coffer.server.ledger.Ids;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code cards}: the provider's reusable authorization per user, with brand, last 4 digits and expiry; never the number. */
final class CardStore {
    static final String ACTIVE = "active";
    static final String REMOVED = "removed";


    private static final String COLUMNS = "id, env_id, user_id, authorization_code, brand, last4, exp_month, exp_year, created_at";

    private final Jdbc jdbc;

    CardStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Saves a card for a user, once per authorization (a repeated event changes nothing, a removed card stays removed). */
    void save(String envId, String userId, SavedCard card, Instant at) {
        jdbc.update("INSERT INTO cards (id, env_id, user_id, authorization_code, brand, last4, exp_month, exp_year, status, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", Ids.next("card"), envId, userId,
                card.authorizationCode(), card.brand(), card.last4(), card.expMonth(), card.expYear(), ACTIVE, at.toEpochMilli());
    }

    /** The user's saved cards, oldest first. */
    List<Card> active(String envId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cards WHERE env_id = ? AND user_id = ? AND status = ? "
                + "ORDER BY created_at, id", CardStore::row, envId, userId, ACTIVE);
    }

    /** The user's saved card {@code id}, if it is theirs and not removed. */
    Optional<Card> owned(String envId, String userId, String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM cards WHERE id = ? AND env_id = ? AND user_id = ? AND status = ?",
                CardStore::row, id, envId, userId, ACTIVE);
    }

    /** Removes it; false if it was not the user's active card. */
    boolean remove(String envId, String userId, String id) {
        return jdbc.update("UPDATE cards SET status = ? WHERE id = ? AND env_id = ? AND user_id = ? AND status = ?", REMOVED,
                id, envId, userId, ACTIVE) == 1;
    }

    private static Card row(ResultSet rs) throws SQLException {
        return new Card(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getInt(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9)));
    }
}
