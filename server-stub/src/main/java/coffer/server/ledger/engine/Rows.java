package coffer.server.ledger.engine;

import coffer.core.kyc.KycTier;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.Balance;
import coffer.core.ledger.Hold;
import coffer.core.ledger.HoldState;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.core.wallet.WalletStatus;

import coffer.core.organization.OrganizationRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/** Column lists and row mappers shared by the writer and the read side, so both read rows one way. */
public final class Rows {
    public static final String ACCOUNT_COLUMNS =
            "a.id, a.env_id, a.user_id, a.kind, a.currency, a.status, a.posted, a.pending_debits, a.pending_credits, u.kyc_tier";
    public static final String ACCOUNT_FROM = " FROM accounts a LEFT JOIN users u ON u.id = a.user_id";

    /**
     * The accounts ({@code a}) a user sees: their own wallets and those of the organizations they are a
     * member of. Binds the user's id twice.
     */
    public static final String VISIBLE_TO =
            "(a.user_id = ? OR a.user_id IN (SELECT m.organization_id FROM organization_members m WHERE m.user_id = ?))";

    public static final String TX_COLUMNS = "t.id, t.env_id, t.kind, t.status, t.amount, t.currency, t.debit_account, "
            + "t.credit_account, t.hold_id, t.original_id, t.refunded, t.reference, t.description, t.metadata, "
            + "t.failure_reason, t.created_at, t.completed_at, t.initiated_by";

    public static final String HOLD_COLUMNS =
            "h.id, h.transaction_id, h.debit_account, h.credit_account, h.amount, h.currency, h.state, h.captured, h.expires_at";


    private Rows() {
    }

    public static AccountState account(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        int tier = rs.getInt("kyc_tier");
        KycTier kycTier = rs.wasNull() ? null : KycTier.fromWire(tier);
        return new AccountState(rs.getString("id"), rs.getString("env_id"), rs.getString("user_id"),
                AccountKind.valueOf(rs.getString("kind")), currency, WalletStatus.fromWire(rs.getString("status")),
                new Balance(currency, rs.getLong("posted"), rs.getLong("pending_debits"), rs.getLong("pending_credits")),
                kycTier);
    }

    public static TxRow transaction(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long completed = rs.getLong("completed_at");
        Instant completedAt = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
        return new TxRow(rs.getString("id"), rs.getString("env_id"), TransactionKind.fromWire(rs.getString("kind")),
                TransactionStatus.fromWire(rs.getString("status")), Money.ofMinor(currency, rs.getLong("amount")),
                rs.getString("debit_account"), rs.getString("credit_account"), rs.getString("hold_id"),
                rs.getString("original_id"), Money.ofMinor(currency, rs.getLong("refunded")), rs.getString("reference"),
                rs.getString("description"), rs.getString("metadata"), rs.getString("failure_reason"),
                Instant.ofEpochMilli(rs.getLong("created_at")), completedAt, rs.getString("initiated_by"), false);
    }

    public static HoldRow hold(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Money amount = Money.ofMinor(currency, rs.getLong("amount"));
        Hold hold = new Hold(rs.getString("id"), rs.getString("debit_account"), rs.getString("credit_account"), amount,
                Instant.ofEpochMilli(rs.getLong("expires_at")), HoldState.valueOf(rs.getString("state")),
                Money.ofMinor(currency, rs.getLong("captured")));
        return new HoldRow(rs.getString("transaction_id"), hold, false);
    }


    /** The role {@code userId} has in the organization {@code holderId}, or empty when they are not one of its members. */
    public static Optional<OrganizationRole> memberRole(Connection c, String holderId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT role FROM organization_members WHERE organization_id = ? AND user_id = ?")) {
            ps.setString(1, holderId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OrganizationRole.fromWire(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
