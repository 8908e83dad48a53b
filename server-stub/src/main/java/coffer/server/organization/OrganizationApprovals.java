package coffer.server.organization;

import coffer.server.payment.PaymentAwaitingApproval;
import coffer.server.withdrawal.WithdrawalAwaitingApproval;

import java.util.List;

/** What waits for an owner's or admin's decision in an organization: its payments and withdrawals, each oldest first. */
public record OrganizationApprovals(List<PaymentAwaitingApproval> payments, List<WithdrawalAwaitingApproval> withdrawals) {
    public OrganizationApprovals {
        payments = List.copyOf(payments);
        withdrawals = List.copyOf(withdrawals);
    }
}
