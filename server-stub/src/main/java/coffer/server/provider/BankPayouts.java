package coffer.server.provider;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.db.Jdbc;
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
 * The bank side of the simulator: account-name resolution, payouts (at once, failed, or pending and
 * finished later, by {@link TestBanks}), and payout links whose hosted page collects the bank account.
 * Every final outcome is committed with its {@code payout.succeeded} / {@code payout.failed} webhook.
 */
final class BankPayouts {
    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String OPEN = "open";
    static final String USED = "used";
    static final String EXPIRED = "expired";

    record Payout(String id, String reference, Money amount, String bankCode, String accountNumber, String holderName,
                  String status, String failureReason) {
    }

    record Link(String id, String reference, Money amount, String returnUrl, String status, String payoutId,
                Instant expiresAt) {
    }

    private static final String PAYOUT_COLUMNS =
            "id, reference, amount, currency, bank_code, account_number, holder_name, status, failure_reason";
    private static final String LINK_COLUMNS = "id, reference, amount, currency, return_url, status, payout_id, expires_at";

    private final Jdbc jdbc;
    private final Clock clock;
    private final WebhookOutbox outbox;
    private final ProviderSettings settings;

    BankPayouts(Jdbc jdbc, Clock clock, WebhookOutbox outbox, ProviderSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** The holder's name, or empty for no such account; INVALID_REQUEST for a malformed code or number. */
    Optional<String> resolve(String bankCode, String accountNumber) {
        TestBanks.requireValid(bankCode, accountNumber);
        return TestBanks.holder(bankCode, accountNumber);
    }

    /** Sends a payout, or answers the one already sent for {@code reference}. */
    Payout payout(String reference, Money amount, String bankCode, String accountNumber, String holderName) {
        TestBanks.requireValid(bankCode, accountNumber);
        Payout payout = jdbc.inTransaction(tx -> {
            Optional<Payout> done = byReference(tx, reference);
            return done.isPresent() ? done.get() : insert(tx, reference, amount, bankCode, accountNumber, holderName);
        });
        outbox.wake();
        return payout;
    }

    /** A payout link, or the one already made for {@code reference}. */
    Link createLink(String reference, Money amount, String returnUrl, Duration expiresIn) {
        long now = clock.millis();
        jdbc.update("INSERT INTO provider_payout_links (id, reference, amount, currency, return_url, status, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", ProviderIds.next("pl"), reference, amount.minor(),
                amount.currencyCode(), returnUrl, OPEN, now, now + expiresIn.toMillis());
        return jdbc.one("SELECT " + LINK_COLUMNS + " FROM provider_payout_links WHERE reference = ?", BankPayouts::link, reference)
                .orElseThrow();
    }

    /** The link now; an open link past its expiry is expired first. */
    Optional<Link> link(String id) {
        Optional<Link> found = jdbc.one("SELECT " + LINK_COLUMNS + " FROM provider_payout_links WHERE id = ?", BankPayouts::link, id);
        if (found.isPresent() && isDue(found.get())) {
            expireLink(id);
            return jdbc.one("SELECT " + LINK_COLUMNS + " FROM provider_payout_links WHERE id = ?", BankPayouts::link, id);
        }
        return found;
    }

    /**
     * Pays an open link out to the account the user entered on the page.
     *
     * @return the payout, or empty when the link is no longer open (used or expired)
     */
    Optional<Payout> payLink(String linkId, String bankCode, String accountNumber, String holderName) {
        TestBanks.requireValid(bankCode, accountNumber);
        Optional<Payout> payout = jdbc.inTransaction(tx -> {
            tx.update("UPDATE provider_payout_links SET status = status WHERE id = ?", linkId);
            Link l = tx.one("SELECT " + LINK_COLUMNS + " FROM provider_payout_links WHERE id = ?", BankPayouts::link, linkId)
                    .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "No payout link " + linkId + ".",
                            Map.of("link_id", linkId)));
            if (!OPEN.equals(l.status()) || isDue(l)) {
                return Optional.<Payout>empty();
            }
            Payout p = byReference(tx, l.reference()).orElse(null);
            if (p == null) {
                p = insert(tx, l.reference(), l.amount(), bankCode, accountNumber, holderName);
            }
            tx.update("UPDATE provider_payout_links SET status = ?, payout_id = ? WHERE id = ?", USED, p.id(), linkId);
            return Optional.of(p);
        });
        outbox.wake();
        return payout;
    }

    /** Finishes pending payouts whose time has come and expires links nobody used; answers how many changed. */
    int finishDue() {
        long now = clock.millis();
        List<String> payouts = jdbc.query("SELECT id FROM provider_payouts WHERE status = ? AND due_at <= ? LIMIT 100",
                rs -> rs.getString(1), PENDING, now);
        for (String id : payouts) {
            jdbc.inTransaction(tx -> {
                if (tx.update("UPDATE provider_payouts SET status = ? WHERE id = ? AND status = ?", SUCCEEDED, id, PENDING) == 1) {
                    Payout p = tx.one("SELECT " + PAYOUT_COLUMNS + " FROM provider_payouts WHERE id = ?", BankPayouts::payout, id)
                            .orElseThrow();
                    outbox.enqueue(tx, "payout.succeeded", event(p));
                }
                return null;
            });
        }
        List<String> links = jdbc.query("SELECT id FROM provider_payout_links WHERE status = ? AND expires_at <= ? LIMIT 100",
                rs -> rs.getString(1), OPEN, now);
        links.forEach(this::expireLink);
        if (!payouts.isEmpty()) {
            outbox.wake();
        }
        return payouts.size() + links.size();
    }

    private boolean isDue(Link l) {
        return OPEN.equals(l.status()) && !clock.instant().isBefore(l.expiresAt());
    }

    private void expireLink(String id) {
        jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE provider_payout_links SET status = ? WHERE id = ? AND status = ? AND expires_at <= ?",
                    EXPIRED, id, OPEN, clock.millis()) == 1) {
                Link l = tx.one("SELECT " + LINK_COLUMNS + " FROM provider_payout_links WHERE id = ?", BankPayouts::link, id)
                        .orElseThrow();
                JsonObject data = WebhookOutbox.data(l.reference(), l.amount());
                data.addProperty("payout_link_id", l.id());
                data.addProperty("reason", TestBanks.REASON_EXPIRED);
                outbox.enqueue(tx, "payout.failed", data);
            }
            return null;
        });
        outbox.wake();
    }

    private Payout insert(Jdbc.Tx tx, String reference, Money amount, String bankCode, String accountNumber,
                          String holderName) throws SQLException {
        TestBanks.Outcome outcome = TestBanks.outcome(accountNumber);
        String status = switch (outcome) {
            case SUCCEEDS -> SUCCEEDED;
            case PENDING -> PENDING;
            case FAILS, NO_SUCH_ACCOUNT -> FAILED;
        };
        String reason = switch (outcome) {
            case FAILS -> TestBanks.REASON_REJECTED;
            case NO_SUCH_ACCOUNT -> TestBanks.REASON_NO_ACCOUNT;
            default -> null;
        };
        String holder = holderName != null && !holderName.isBlank() ? holderName
                : TestBanks.holder(bankCode, accountNumber).orElse(null);
        long now = clock.millis();
        Long due = outcome == TestBanks.Outcome.PENDING ? now + settings.pendingPayoutDelay().toMillis() : null;
        String id = ProviderIds.next("po");
        tx.update("INSERT INTO provider_payouts (id, reference, amount, currency, bank_code, account_number, holder_name, "
                        + "status, failure_reason, created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, reference,
                amount.minor(), amount.currencyCode(), bankCode, accountNumber, holder, status, reason, now, due);
        Payout p = new Payout(id, reference, amount, bankCode, accountNumber, holder, status, reason);
        if (!PENDING.equals(status)) {
            outbox.enqueue(tx, SUCCEEDED.equals(status) ? "payout.succeeded" : "payout.failed", event(p));
        }
        return p;
    }

    private static JsonObject event(Payout p) {
        JsonObject data = WebhookOutbox.data(p.reference(), p.amount());
        data.addProperty("payout_id", p.id());
        data.addProperty("bank_code", p.bankCode());
        data.addProperty("account_number_last4", p.accountNumber().substring(p.accountNumber().length() - 4));
        data.addProperty("holder_name", p.holderName());
        if (p.failureReason() != null) {
            data.addProperty("reason", p.failureReason());
        }
        return data;
    }

    private static Optional<Payout> byReference(Jdbc.Tx tx, String reference) throws SQLException {
        return tx.one("SELECT " + PAYOUT_COLUMNS + " FROM provider_payouts WHERE reference = ?", BankPayouts::payout, reference);
    }

    private static Payout payout(ResultSet rs) throws SQLException {
        return new Payout(rs.getString(1), rs.getString(2), Money.ofMinor(rs.getString(4), rs.getLong(3)), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getString(1), rs.getString(2), Money.ofMinor(rs.getString(4), rs.getLong(3)), rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }
}
