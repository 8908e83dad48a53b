package coffer.server.provider;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.db.Jdbc;
import coffer.server.json.Json;
import com.google.gson.JsonObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The card side of the simulator: checkout sessions and paying them (the hosted page and the test
 * helper both pay through {@link #pay}), saved cards charged again, and refunds. Every outcome is
 * committed together with the webhook that reports it.
 */
final class Checkouts {
    static final String OPEN = "open";
    static final String PAID = "paid";
    static final String FAILED = "failed";
    static final String EXPIRED = "expired";
    static final String SUCCEEDED = "succeeded";
    static final String REASON_CANCELED = "canceled";

    record Session(String id, String reference, Money amount, String customerEmail, String returnUrl,
                   boolean allowSaveCard, String status, String awaiting, String chargeId, String authorizationCode,
                   String failureReason, Instant expiresAt) {
    }

    record Card(String authorizationCode, String brand, String last4, int expMonth, int expYear) {
    }

    record Charge(String id, String reference, Money amount, String status, String failureReason, long refunded) {
    }

    record Refund(String id, String reference, String chargeId, Money amount, String status) {
    }

    /** A card as typed on the page (the number only lives for the request). */
    record CardEntry(String number, int expMonth, int expYear, String name, boolean save) {
    }

    enum Result { PAID, DECLINED, NEEDS_CONFIRMATION, CLOSED }

    /** What paying (or confirming) did, and the session afterwards. */
    record Attempt(Result result, Session session, String reason) {
    }

    private static final String SESSION_COLUMNS = "id, reference, amount, currency, customer_email, return_url, "
            + "allow_save_card, status, awaiting_confirmation, charge_id, authorization_code, failure_reason, expires_at";

    private final Jdbc jdbc;
    private final Clock clock;
    private final WebhookOutbox outbox;

    Checkouts(Jdbc jdbc, Clock clock, WebhookOutbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** A new session, or the one already opened for {@code reference} (a retried request). */
    Session create(String reference, Money amount, String customerEmail, String returnUrl, boolean allowSaveCard,
                   Duration expiresIn) {
        long now = clock.millis();
        jdbc.update("INSERT INTO provider_checkout_sessions (id, reference, amount, currency, customer_email, return_url, "
                        + "allow_save_card, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", ProviderIds.next("cs"), reference, amount.minor(), amount.currencyCode(),
                customerEmail, returnUrl, allowSaveCard ? 1 : 0, OPEN, now, now + expiresIn.toMillis());
        return jdbc.one("SELECT " + SESSION_COLUMNS + " FROM provider_checkout_sessions WHERE reference = ?",
                Checkouts::session, reference).orElseThrow();
    }

    /** The session now; an open session past its expiry is expired first (and its event sent). */
    Optional<Session> session(String id) {
        Optional<Session> found = jdbc.one("SELECT " + SESSION_COLUMNS + " FROM provider_checkout_sessions WHERE id = ?",
                Checkouts::session, id);
        if (found.isPresent() && isDue(found.get())) {
            expire(id);
            return jdbc.one("SELECT " + SESSION_COLUMNS + " FROM provider_checkout_sessions WHERE id = ?",
                    Checkouts::session, id);
        }
        return found;
    }

    /** The saved card behind a paid session, if the user asked to save it. */
    Optional<Card> card(String authorizationCode) {
        if (authorizationCode == null) {
            return Optional.empty();
        }
        return jdbc.one("SELECT authorization_code, brand, last4, exp_month, exp_year FROM provider_cards "
                + "WHERE authorization_code = ?", rs -> new Card(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getInt(4), rs.getInt(5)), authorizationCode);
    }

    /** Pays an open session with a card: the one code path of the hosted page and the test helper. */
    Attempt pay(String sessionId, CardEntry card) {
        Attempt attempt = jdbc.inTransaction(tx -> {
            Session s = locked(tx, sessionId);
            if (!payable(tx, s)) {
                return new Attempt(Result.CLOSED, s, null);
            }
            TestCards.Outcome outcome = TestCards.outcome(card.number());
            String brand = TestCards.brand(card.number());
            String last4 = card.number().substring(card.number().length() - 4);
            Card used = new Card(null, brand, last4, card.expMonth(), card.expYear());
            return switch (outcome) {
                case SUCCEEDS -> succeed(tx, s, used, card.save());
                case NEEDS_CONFIRMATION -> {
                    JsonObject waiting = Json.gson().toJsonTree(used).getAsJsonObject();
                    waiting.addProperty("save", card.save());
                    tx.update("UPDATE provider_checkout_sessions SET awaiting_confirmation = ? WHERE id = ?",
                            Json.gson().toJson(waiting), s.id());
                    yield new Attempt(Result.NEEDS_CONFIRMATION, s, null);
                }
                case DECLINED, INSUFFICIENT_FUNDS -> decline(tx, s, TestCards.reason(outcome));
            };
        });
        outbox.wake();
        return attempt;
    }

    /** The extra confirmation step of a card that needs one: approved pays the session, failed declines it. */
    Attempt confirm(String sessionId, boolean approve) {
        Attempt attempt = jdbc.inTransaction(tx -> {
            Session s = locked(tx, sessionId);
            if (!payable(tx, s) || s.awaiting() == null) {
                return new Attempt(Result.CLOSED, s, null);
            }
            JsonObject waiting = Json.gson().fromJson(s.awaiting(), JsonObject.class);
            tx.update("UPDATE provider_checkout_sessions SET awaiting_confirmation = NULL WHERE id = ?", s.id());
            if (!approve) {
                return decline(tx, s, TestCards.REASON_AUTHENTICATION_FAILED);
            }
            Card used = new Card(null, waiting.get("brand").getAsString(), waiting.get("last4").getAsString(),
                    waiting.get("exp_month").getAsInt(), waiting.get("exp_year").getAsInt());
            return succeed(tx, s, used, waiting.get("save").getAsBoolean());
        });
        outbox.wake();
        return attempt;
    }

    /** The user gave up on the page: the session fails ({@code checkout.failed}, reason canceled). */
    Session cancel(String sessionId) {
        Session s = jdbc.inTransaction(tx -> {
            Session locked = locked(tx, sessionId);
            if (payable(tx, locked)) {
                tx.update("UPDATE provider_checkout_sessions SET status = ?, failure_reason = ?, awaiting_confirmation = NULL "
                        + "WHERE id = ?", FAILED, REASON_CANCELED, sessionId);
                JsonObject data = WebhookOutbox.data(locked.reference(), locked.amount());
                data.addProperty("session_id", sessionId);
                data.addProperty("reason", REASON_CANCELED);
                outbox.enqueue(tx, "checkout.failed", data);
            }
            return tx.one("SELECT " + SESSION_COLUMNS + " FROM provider_checkout_sessions WHERE id = ?",
                    Checkouts::session, sessionId).orElseThrow();
        });
        outbox.wake();
        return s;
    }

    /** Expires every open session past its expiry; answers how many. */
    int expireDue() {
        List<String> due = jdbc.query("SELECT id FROM provider_checkout_sessions WHERE status = ? AND expires_at <= ? LIMIT 100",
                rs -> rs.getString(1), OPEN, clock.millis());
        due.forEach(this::expire);
        return due.size();
    }

    /** Charges a saved card again, or answers the charge already made for {@code reference}. */
    Charge chargeSaved(String authorizationCode, Money amount, String reference) {
        if (card(authorizationCode).isEmpty()) {
            throw new CofferException(ErrorCode.NOT_FOUND, "No saved card has this authorization code.",
                    Map.of("field", "authorization_code"));
        }
        Charge charge = jdbc.inTransaction(tx -> {
            String id = ProviderIds.next("ch");
            int inserted = tx.update("INSERT INTO provider_charges (id, reference, authorization_code, amount, currency, status, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", id, reference,
                    authorizationCode, amount.minor(), amount.currencyCode(), SUCCEEDED, clock.millis());
            if (inserted == 1) {
                JsonObject data = WebhookOutbox.data(reference, amount);
                data.addProperty("charge_id", id);
                outbox.enqueue(tx, "charge.succeeded", data);
            }
            return chargeByReference(tx, reference);
        });
        outbox.wake();
        return charge;
    }

    /**
     * Refunds part or all of a charge, or answers the refund already made for {@code reference}.
     *
     * @throws CofferException NOT_FOUND for an unknown charge, CURRENCY_MISMATCH, REFUND_EXCEEDS_PAYMENT
     */
    Refund refund(String chargeId, Money amount, String reference) {
        Refund refund = jdbc.inTransaction(tx -> {
            Optional<Refund> done = refundByReference(tx, reference);
            if (done.isPresent()) {
                return done.get();
            }
            Charge charge = tx.one("SELECT id, reference, amount, currency, status, failure_reason, refunded "
                    + "FROM provider_charges WHERE id = ?", Checkouts::charge, chargeId).filter(c -> SUCCEEDED.equals(c.status()))
                    .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "No successful charge " + chargeId + ".",
                            Map.of("charge_id", chargeId)));
            if (!charge.amount().currency().equals(amount.currency())) {
                throw new CofferException(ErrorCode.CURRENCY_MISMATCH, "The charge was in " + charge.amount().currencyCode() + ".",
                        Map.of("expected", charge.amount().currencyCode(), "actual", amount.currencyCode()));
            }
            int taken = tx.update("UPDATE provider_charges SET refunded = refunded + ? WHERE id = ? AND refunded + ? <= amount",
                    amount.minor(), chargeId, amount.minor());
            if (taken == 0) {
                throw new CofferException(ErrorCode.REFUND_EXCEEDS_PAYMENT, "The refund exceeds what is left of the charge.",
                        Map.of("charge_id", chargeId));
            }
            String id = ProviderIds.next("re");
            tx.update("INSERT INTO provider_refunds (id, reference, charge_id, amount, currency, status, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, reference, chargeId, amount.minor(), amount.currencyCode(),
                    SUCCEEDED, clock.millis());
            JsonObject data = WebhookOutbox.data(reference, amount);
            data.addProperty("refund_id", id);
            data.addProperty("charge_id", chargeId);
            outbox.enqueue(tx, "refund.succeeded", data);
            return refundByReference(tx, reference).orElseThrow();
        });
        outbox.wake();
        return refund;
    }

    // ---- inside transactions ----

    /** The session, its row locked for this transaction (the write comes first, so SQLite takes its lock at once). */
    private static Session locked(Jdbc.Tx tx, String sessionId) throws SQLException {
        tx.update("UPDATE provider_checkout_sessions SET status = status WHERE id = ?", sessionId);
        return tx.one("SELECT " + SESSION_COLUMNS + " FROM provider_checkout_sessions WHERE id = ?", Checkouts::session,
                sessionId).orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "No checkout session " + sessionId + ".",
                Map.of("session_id", sessionId)));
    }

    /** Open and not yet past its expiry; a session found past it is expired here. */
    private boolean payable(Jdbc.Tx tx, Session s) throws SQLException {
        if (isDue(s)) {
            expire(tx, s);
            return false;
        }
        return OPEN.equals(s.status());
    }

    private boolean isDue(Session s) {
        return OPEN.equals(s.status()) && !clock.instant().isBefore(s.expiresAt());
    }

    private void expire(String sessionId) {
        jdbc.inTransaction(tx -> {
            Session s = locked(tx, sessionId);
            if (isDue(s)) {
                expire(tx, s);
            }
            return null;
        });
        outbox.wake();
    }

    private void expire(Jdbc.Tx tx, Session s) throws SQLException {
        tx.update("UPDATE provider_checkout_sessions SET status = ?, failure_reason = ?, awaiting_confirmation = NULL "
                + "WHERE id = ? AND status = ?", EXPIRED, EXPIRED, s.id(), OPEN);
        JsonObject data = WebhookOutbox.data(s.reference(), s.amount());
        data.addProperty("session_id", s.id());
        outbox.enqueue(tx, "checkout.expired", data);
    }

    private Attempt succeed(Jdbc.Tx tx, Session s, Card used, boolean save) throws SQLException {
        String chargeId = ProviderIds.next("ch");
        String authorization = null;
        if (save && s.allowSaveCard()) {
            authorization = ProviderIds.next("auth");
            tx.update("INSERT INTO provider_cards (authorization_code, brand, last4, exp_month, exp_year, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", authorization, used.brand(), used.last4(), used.expMonth(), used.expYear(),
                    clock.millis());
        }
        tx.update("INSERT INTO provider_charges (id, reference, session_id, authorization_code, amount, currency, status, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", chargeId, s.reference(), s.id(), authorization,
                s.amount().minor(), s.amount().currencyCode(), SUCCEEDED, clock.millis());
        tx.update("UPDATE provider_checkout_sessions SET status = ?, charge_id = ?, authorization_code = ?, "
                + "failure_reason = NULL, paid_at = ? WHERE id = ?", PAID, chargeId, authorization, clock.millis(), s.id());
        JsonObject data = WebhookOutbox.data(s.reference(), s.amount());
        data.addProperty("session_id", s.id());
        data.addProperty("charge_id", chargeId);
        if (authorization != null) {
            data.add("card", Json.gson().toJsonTree(new Card(authorization, used.brand(), used.last4(), used.expMonth(),
                    used.expYear())));
        }
        outbox.enqueue(tx, "checkout.paid", data);
        Session paid = tx.one("SELECT " + SESSION_COLUMNS + " FROM provider_checkout_sessions WHERE id = ?",
                Checkouts::session, s.id()).orElseThrow();
        return new Attempt(Result.PAID, paid, null);
    }

    /** A declined attempt: the session stays open for another card; Coffer hears of it as {@code charge.failed}. */
    private Attempt decline(Jdbc.Tx tx, Session s, String reason) throws SQLException {
        tx.update("UPDATE provider_checkout_sessions SET failure_reason = ? WHERE id = ?", reason, s.id());
        JsonObject data = WebhookOutbox.data(s.reference(), s.amount());
        data.addProperty("charge_id", ProviderIds.next("ch"));
        data.addProperty("session_id", s.id());
        data.addProperty("reason", reason);
        outbox.enqueue(tx, "charge.failed", data);
        return new Attempt(Result.DECLINED, s, reason);
    }

    private static Charge chargeByReference(Jdbc.Tx tx, String reference) throws SQLException {
        return tx.one("SELECT id, reference, amount, currency, status, failure_reason, refunded FROM provider_charges "
                + "WHERE reference = ?", Checkouts::charge, reference).orElseThrow();
    }

    private static Optional<Refund> refundByReference(Jdbc.Tx tx, String reference) throws SQLException {
        return tx.one("SELECT id, reference, charge_id, amount, currency, status FROM provider_refunds WHERE reference = ?",
                rs -> new Refund(rs.getString(1), rs.getString(2), rs.getString(3),
                        Money.ofMinor(rs.getString(5), rs.getLong(4)), rs.getString(6)), reference);
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getString(1), rs.getString(2), Money.ofMinor(rs.getString(4), rs.getLong(3)), rs.getString(5),
                rs.getString(6), rs.getInt(7) == 1, rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)));
    }

    private static Charge charge(ResultSet rs) throws SQLException {
        return new Charge(rs.getString(1), rs.getString(2), Money.ofMinor(rs.getString(4), rs.getLong(3)), rs.getString(5),
                rs.getString(6), rs.getLong(7));
    }
}
