package coffer.app.api;

import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.OrganizationTypes.OrganizationResponse;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import java.util.List;

/**
 * Organizations the user belongs to: their members, their settings and the money out of their wallets that waits
 * for an owner's or admin's decision. The part of {@link ApiClient} a screen that needs it sees; every call may
 * throw {@link ApiException} (a non-member's is NOT_FOUND, a role's refusal FORBIDDEN).
 */
public interface OrganizationsApi {
    /** The user's organizations with their role in each, oldest membership first. */
    List<OrganizationSummary> organizations();

    /** One organization: its settings, wallets and members. */
    OrganizationResponse organization(String organizationId);

    /** A new organization with one wallet in {@code currency}; the user owns it. */
    OrganizationCreated createOrganization(String name, String currency);

    /** Sets the approval threshold (a decimal in the organization's currency; empty removes it). */
    OrganizationResponse setApprovalThreshold(String organizationId, String threshold);

    /** Adds a user of the environment, by email, with {@code role}. */
    MemberView addMember(String organizationId, String email, String role);

    MemberView changeRole(String organizationId, String userId, String role);

    void removeMember(String organizationId, String userId);

    /** What waits for a decision in the organization, oldest first. */
    List<ApprovalView> approvals(String organizationId);

    /**
     * Approves ({@code approve}) or rejects money awaiting it: a payment or a withdrawal ({@code kind}, as
     * {@link ApprovalView#kind()} says); the same key for a retry of the same decision.
     */
    void decide(String idempotencyKey, String kind, String id, boolean approve);
}
