package coffer.server.library;

import coffer.core.money.Money;

import java.time.Instant;

/**
 * One movement of money, as seed 002's transaction objects show it.
 *
 * @param type      {@code topup}, {@code withdrawal}, {@code payment}, {@code transfer}, {@code p2p}, {@code refund}, ...
 * @param status    {@code pending}, {@code processing}, {@code completed}, {@code failed}, {@code reversed}
 * @param refunded  how much of it has been refunded so far
 */
public record Transaction(String id, String reference, String type, String status, Money amount, Money refunded,
                          String fromAccount, String toAccount, String description, Instant createdAt) {
}
