package coffer.server.ledger.rules;

import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.Holders;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycDecision;
import coffer.core.kyc.KycPolicy;
import coffer.core.kyc.OutgoingMovement;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every movement passes, in the one order SPEC.md fixes so a user sees the most
 * fundamental reason first: the accounts exist in the caller's environment and the debited wallet is
 * the caller's (or an organization's that the caller may spend from: a member who may not is
 * FORBIDDEN, anyone else is told the wallet does not exist); wallet status; currency; KYC per-transaction; the rolling daily limit; the receiver's
 * maximum balance; then the available balance.
 *
 * <p>KYC limits count the holder, not the wallet: what a holder sent in 24 hours and what it holds
 * are summed over all of its wallets in the currency (see {@link Holders}). Money moving between two
 * wallets of one holder is neither sent nor received, so no KYC limit applies to it.
 */
public final class MoveRules {
    private MoveRules() {
    }

    /** Both accounts of an order, once they passed every check up to (not including) the balance. */
    public record Parties(AccountState from, AccountState to) {
    }

    /** Declares what {@link #check} will read for {@code o}. */
    public static void declare(Batch b, MoveOrder o) {
        b.needAccount(o.debitAccount());
        b.needAccount(o.creditAccount());
        if (o.outgoingLimit() || o.incomingLimit()) {
            b.needHolders(x -> holdersChecked(x, o.debitAccount(), o.creditAccount(), o.outgoingLimit(), o.incomingLimit()));
        }
    }

    /**
     * The holders whose totals a movement from {@code debitAccount} to {@code creditAccount} is checked
     * against: the sender's with {@code outgoingLimit}, the receiver's with {@code incomingLimit}; none
     * between two wallets of one holder.
     */
    public static List<Batch.HolderNeed> holdersChecked(Batch b, String debitAccount, String creditAccount, boolean outgoingLimit,
                                                 boolean incomingLimit) {
        AccountState from = b.account(debitAccount);
        AccountState to = b.account(creditAccount);
        if (from == null || to == null || sameHolder(from, to)) {
            return List.of();
        }
        List<Batch.HolderNeed> needs = new ArrayList<>(2);
        if (outgoingLimit && from.isUserWallet()) {
            needs.add(new Batch.HolderNeed(from.userId, true));
        }
        if (incomingLimit && to.isUserWallet()) {
            needs.add(new Batch.HolderNeed(to.userId, false));
        }
        return needs;
    }

    /** Whether both are wallets of one holder: money between them stays with the holder. */
    public static boolean sameHolder(AccountState from, AccountState to) {
        return from.userId != null && from.userId.equals(to.userId);
    }

    public static Result<Parties> check(Batch b, MoveOrder o) throws SQLException {
        AccountState from = b.account(o.debitAccount());
        AccountState to = b.account(o.creditAccount());
        boolean fromVisible = from != null && from.envId.equals(o.envId());
        if (fromVisible && o.actingUserId() != null && !o.actingUserId().equals(from.userId)) {
            // someone else's wallet: only an organization's members may see it, and only some of them spend from it
            Optional<OrganizationRole> role = from.userId == null ? Optional.empty() : b.memberRole(from.userId, o.actingUserId());
            if (role.isEmpty()) {
                fromVisible = false;
            } else if (!OrganizationRules.allows(role.get(), OrganizationAction.SPEND)) {
                return OrganizationRules.check(role.get(), OrganizationAction.SPEND).asRejected();
            }
        }
        boolean toVisible = to != null && to.envId.equals(o.envId());
        // An environment has system accounts only in the currencies its wallets hold, so a missing one
        // means the amount is not in the wallet's currency: say that, not "not found".
        if (from == null && toVisible && SystemAccounts.isSystem(o.debitAccount())) {
            return currencyMismatch(to.currency, o.amount());
        }
        if (to == null && fromVisible && SystemAccounts.isSystem(o.creditAccount())) {
            return currencyMismatch(from.currency, o.amount());
        }
        if (!fromVisible) {
            return notFound(o.debitAccount());
        }
        if (!toVisible) {
            return notFound(o.creditAccount());
        }
        if (o.kind() == TransactionKind.TRANSFER && !java.util.Objects.equals(from.userId, to.userId)) {
            // a transfer is between one user's own wallets; money to someone else is a P2P payment
            return notFound(o.creditAccount());
        }
        if (from == to) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "Cannot move money from a wallet to itself",
                    Map.of("wallet_id", from.id));
        }
        if (from.isUserWallet()) {
            Result<?> status = from.status.checkDebit();
            if (!status.isOk()) {
                return status.asRejected();
            }
        }
        if (to.isUserWallet()) {
            Result<?> status = to.status.checkCredit();
            if (!status.isOk()) {
                return status.asRejected();
            }
        }
        Money amount = o.amount();
        if (!amount.currency().equals(from.currency) || !amount.currency().equals(to.currency)) {
            return currencyMismatch(!amount.currency().equals(from.currency) ? from.currency : to.currency, amount);
        }
        boolean ownWallets = sameHolder(from, to);
        if (o.outgoingLimit() && from.isUserWallet() && !ownWallets) {
            long sent = b.sentToday(from);
            List<OutgoingMovement> used = sent == 0 ? List.of()
                    : List.of(new OutgoingMovement(Money.ofMinor(from.currency, sent), b.now()));
            KycDecision decision = KycPolicy.checkOutgoing(b.limitsOf(from), used, amount, b.now());
            if (!decision.isAllowed()) {
                return decision.result().asRejected();
            }
        }
        if (o.incomingLimit() && to.isUserWallet() && !ownWallets) {
            KycDecision decision = KycPolicy.checkIncoming(b.limitsOf(to), Money.ofMinor(to.currency, b.held(to)), amount);
            if (!decision.isAllowed()) {
                return from.isUserWallet() ? receiverCannotHold(decision) : decision.result().asRejected();
            }
        }
        return Result.ok(new Parties(from, to));
    }

    /**
     * A refusal for money sent by someone else: it says why without telling the sender what the
     * receiver holds.
     */
    private static <T> Result<T> receiverCannotHold(KycDecision decision) {
        Result.Rejected<?> r = (Result.Rejected<?>) decision.result();
        Map<String, String> context = new java.util.LinkedHashMap<>(r.context());
        context.remove("balance");
        return Result.rejected(r.code(),
                "The receiving wallet cannot hold this amount until its owner completes identity verification", context);
    }

    /**
     * Who a movement records as its initiator: the member acting for the organization whose wallet it
     * debits; null when the holder (or a partner, or the server) moves its own money.
     */
    public static String initiator(MoveOrder o, AccountState from) {
        String acting = o.actingUserId();
        return acting == null || acting.equals(from.userId) ? null : acting;
    }

    /** Records that a holder's outgoing total grew, for later checks in the same batch. */
    public static void countOutgoing(Batch b, MoveOrder o, AccountState from, AccountState to) throws SQLException {
        if (o.outgoingLimit() && from.isUserWallet() && !sameHolder(from, to) && Holders.OUTGOING.contains(o.kind())) {
            b.countSent(from, o.amount().minor());
        }
    }

    /**
     * Why a payment from {@code source} to an email with no wallet in the amount's currency is refused, in
     * {@link #check}'s order. The recipient is looked up by currency, so it fails at the currency step, after
     * the payer's own wallet passed the steps up to there: it is the payer's, its status lets money out, and
     * it holds the amount's currency.
     *
     * @param source    the payer's wallet as read, or null when there is none in the environment
     * @param payerRole the payer's role in the organization that holds {@code source}, if it is one's
     */
    public static <T> Result<T> unresolvedRecipient(WalletSnapshot source, String sourceWalletId, String payerId,
                                                    Optional<OrganizationRole> payerRole, String destination, Money amount) {
        if (source == null || !payerId.equals(source.userId()) && payerRole.isEmpty()) {
            return notFound(sourceWalletId);
        }
        if (!payerId.equals(source.userId()) && !OrganizationRules.allows(payerRole.get(), OrganizationAction.SPEND)) {
            return OrganizationRules.check(payerRole.get(), OrganizationAction.SPEND).asRejected();
        }
        Result<?> status = source.status().checkDebit();
        if (!status.isOk()) {
            return status.asRejected();
        }
        if (!amount.currency().equals(source.currency())) {
            return currencyMismatch(source.currency(), amount);
        }
        return Result.rejected(ErrorCode.WALLET_NOT_FOUND,
                "No " + amount.currencyCode() + " wallet was found for " + destination + ".", Map.of("destination", destination));
    }

    private static <T> Result<T> currencyMismatch(Currency held, Money amount) {
        String expected = held.getCurrencyCode();
        return Result.rejected(ErrorCode.CURRENCY_MISMATCH,
                "The wallet holds " + expected + " but the amount is in " + amount.currencyCode(),
                Map.of("expected", expected, "actual", amount.currencyCode()));
    }

    public static <T> Result<T> notFound(String walletId) {
        return Result.rejected(ErrorCode.WALLET_NOT_FOUND, "Wallet " + walletId + " was not found",
                Map.of("wallet_id", walletId));
    }
}
