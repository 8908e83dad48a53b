package coffer.core.api;

import coffer.core.api.AccountTypes.AccountView;

import java.util.List;

/** Bodies of {@code /api/v1/organizations/...}: wallets held together by several users. */
public final class OrganizationTypes {
    private OrganizationTypes() {
    }

    /** {@code POST /api/v1/organizations}: a new organization with one wallet in {@code currency}; the caller owns it. */
    public record CreateOrganizationRequest(String name, String currency) {
    }

    /**
     * An organization as one of its members sees it in a list.
     *
     * @param role the caller's role: {@code owner}, {@code admin}, {@code member} or {@code viewer}
     */
    public record OrganizationSummary(String id, String name, String role) {
    }

    /** {@code POST /api/v1/organizations} (201): the organization and its first wallet. */
    public record OrganizationCreated(OrganizationSummary organization, AccountView account) {
    }

    /** {@code GET /api/v1/organizations}: the caller's organizations, oldest membership first. */
    public record OrganizationList(List<OrganizationSummary> organizations) {
        public OrganizationList {
            organizations = List.copyOf(organizations);
        }
    }

    /**
     * An organization with its settings.
     *
     * @param approvalThreshold a decimal amount in the organization's currency, or null when none is set
     */
    public record OrganizationDetail(String id, String name, String role, String approvalThreshold) {
    }

    /** A member: their user id, email (null for a user known only by a partner's id) and role. */
    public record MemberView(String userId, String email, String role) {
    }

    /** {@code GET} and {@code PATCH /api/v1/organizations/{id}}. */
    public record OrganizationResponse(OrganizationDetail organization, List<AccountView> accounts, List<MemberView> members) {
        public OrganizationResponse {
            accounts = List.copyOf(accounts);
            members = List.copyOf(members);
        }
    }

    /** {@code PATCH /api/v1/organizations/{id}}: what is given changes; an empty threshold removes it. */
    public record UpdateOrganizationRequest(String name, String approvalThreshold) {
    }

    /** {@code POST /api/v1/organizations/{id}/members}: adds a user of the environment by email. */
    public record AddMemberRequest(String email, String role) {
    }

    /** {@code PATCH /api/v1/organizations/{id}/members/{user_id}}. */
    public record ChangeRoleRequest(String role) {
    }

    /** The answer to adding a member (201) or changing one's role. */
    public record MemberResponse(MemberView member) {
    }

    /** What an {@link ApprovalView} waits to move: a payment ({@code /api/v1/payments/{id}/approve}) or a withdrawal. */
    public static final String PAYMENT = "payment";
    public static final String WITHDRAWAL = "withdrawal";

    /**
     * Money out of an organization's wallet that waits for an owner's or admin's decision, its amount held.
     *
     * @param kind             {@link #PAYMENT} or {@link #WITHDRAWAL}: approved or rejected at
     *                         {@code POST /api/v1/<kind>s/{id}/approve} and {@code /reject}
     * @param id               the payment's or withdrawal's id
     * @param destination      a payment's email or wallet id as the initiator typed it; a withdrawal's bank account id
     * @param initiatedBy      the member who asked for it (user id); they cannot approve it themselves
     * @param initiatedByEmail that member's email, or null for a user known only by a partner's id
     * @param expiresAt        when the hold is voided if nobody decides
     */
    public record ApprovalView(String kind, String id, String amount, String currency, String sourceWalletId,
                               String destination, String description, String initiatedBy, String initiatedByEmail,
                               String createdAt, String expiresAt) {
    }

    /** {@code GET /api/v1/organizations/{id}/approvals}: what waits for a decision, oldest first; every member may read it. */
    public record ApprovalList(List<ApprovalView> approvals) {
        public ApprovalList {
            approvals = List.copyOf(approvals);
        }
    }
}
