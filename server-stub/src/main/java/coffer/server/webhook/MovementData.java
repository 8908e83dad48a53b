package coffer.server.webhook;

import coffer.server.ledger.Movement;

import java.time.Instant;

/**
 * A movement as partners see it in a webhook's {@code data} and in a refund's answer: amounts as
 * decimal strings in the movement's currency, times as ISO-8601 UTC.
 *
 * @param fromWalletId the account the money left (a user wallet, or a system account for money arriving from outside)
 * @param toWalletId   the account the money reached
 * @param originalTransactionId for a refund or reversal, the movement it undoes
 * @param refunded     how much of this movement has been refunded so far
 */
public record MovementData(String transactionId, String kind, String status, String amount, String currency,
                           String fromWalletId, String toWalletId, String originalTransactionId, String refunded,
                           String reference, String description, String failureReason, String createdAt,
                           String completedAt) {

    public static MovementData of(Movement m) {
        return new MovementData(m.id(), m.kind().wire(), m.status().wire(), m.amount().toDecimalString(),
                m.amount().currencyCode(), m.debitAccount(), m.creditAccount(), m.originalId(),
                m.refunded().toDecimalString(), m.reference(), m.description(), m.failureReason(), text(m.createdAt()),
                text(m.completedAt()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
