package coffer.server.refund;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.RefundCommand;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.WalletSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refunds of completed movements through {@link LedgerService#refund}: a user refunds money that
 * reached their own wallet from another wallet (a P2P payment they received, say; a top-up goes back
 * to its card through the top-up's own refund route), a partner refunds an order paid to
 * its merchant account. Full when no amount is given, partial otherwise, never beyond what is left
 * (REFUND_EXCEEDS_PAYMENT, from the ledger, atomically with the write). A movement the caller took
 * no part in is NOT_FOUND.
 */
final class RefundService {
    static final int MAX_REASON = 500;

    private final LedgerService ledger;
    private final Jdbc jdbc;

    RefundService(LedgerService ledger, Database database) {
        this.ledger = ledger;
        this.jdbc = new Jdbc(database);
    }

    /** A user's refund of money that reached one of their wallets. */
    Outcome<Movement> refund(Principal caller, String transactionId, String amount, String reason, IdempotencyKey key) {
        Movement original = participatedIn(caller, transactionId);
        Set<String> own = walletIds(caller);
        if (!own.contains(original.creditAccount())) {
            throw new CofferException(ErrorCode.FORBIDDEN, "Only the one who received the money can refund it.",
                    Map.of("transaction_id", transactionId));
        }
        if (!ledger.walletOwners(caller.envId(), Set.of(original.debitAccount())).containsKey(original.debitAccount())) {
            // money from a system account (a top-up, a settlement's return...) has nobody to send it back to
            // here: a refund would only park it on Coffer's own account
            throw new CofferException(ErrorCode.INVALID_REQUEST, original.kind() == TransactionKind.TOPUP
                    ? "A top-up goes back to its card: POST /api/v1/topups/{id}/refunds."
                    : "Only money sent from another wallet can be refunded here.",
                    Map.of("transaction_id", transactionId, "kind", original.kind().wire()));
        }
        return ledger.refund(new RefundCommand(new EnvId(caller.envId()), UserId.ofNullable(caller.userId()),
                transactionId, amount(original, amount), reason(reason)), key);
    }

    /** A partner's refund of an order (a payment to the environment's merchant account). */
    Outcome<Movement> refundOrder(String envId, String transactionId, String amount, String reason, IdempotencyKey key) {
        Movement original = ledger.movement(envId, transactionId).filter(m -> m.kind() == TransactionKind.PAYMENT)
                .orElseThrow(() -> notFound(transactionId));
        return ledger.refund(new RefundCommand(new EnvId(envId), null, transactionId, amount(original, amount),
                reason(reason)), key);
    }

    /** The refunds of a movement the caller took part in, oldest first. */
    List<Movement> refundsOf(Principal caller, String transactionId) {
        participatedIn(caller, transactionId);
        List<Movement> refunds = new ArrayList<>();
        for (String id : refundIds(caller.envId(), transactionId)) {
            ledger.movement(caller.envId(), id).ifPresent(refunds::add);
        }
        return refunds;
    }

    private Movement participatedIn(Principal caller, String transactionId) {
        Set<String> own = walletIds(caller);
        return ledger.movement(caller.envId(), transactionId)
                .filter(m -> own.contains(m.debitAccount()) || own.contains(m.creditAccount()))
                .orElseThrow(() -> notFound(transactionId));
    }

    private Set<String> walletIds(Principal caller) {
        return ledger.wallets(caller.envId(), caller.userId()).stream().map(WalletSnapshot::id).collect(Collectors.toSet());
    }

    /** The amount in the original's currency, or null (all that is left) when none was given. */
    private static Money amount(Movement original, String amount) {
        return amount == null ? null : Money.parse(amount, original.amount().currency()).requirePositive();
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'reason' must be at most " + MAX_REASON + " characters.",
                    Map.of("field", "reason"));
        }
        return reason == null || reason.isBlank() ? "Refund" : reason.strip();
    }

    private static CofferException notFound(String transactionId) {
        return new CofferException(ErrorCode.NOT_FOUND, "Transaction " + transactionId + " was not found",
                Map.of("transaction_id", transactionId));
    }

    /** Read-only: the ids of the refund movements that point back at {@code originalId}. */
    private List<String> refundIds(String envId, String originalId) {
        return jdbc.query("SELECT id FROM transactions WHERE env_id = ? AND original_id = ? AND kind = ? ORDER BY created_at, id",
                rs -> rs.getString(1), envId, originalId, TransactionKind.REFUND.wire());
    }
}
