package coffer.core.organization;

/** What a member may ask to do with an organization; {@link OrganizationRules} says which role may. */
public enum OrganizationAction {
    /** See the organization, its members, its wallets and their movements. */
    READ,
    /** Move money out of the organization's wallets: payments, transfers, withdrawals, orders. */
    SPEND,
    /** Add, change and remove admins, members and viewers. */
    MANAGE_MEMBERS,
    /** Make a member an owner, or change or remove an owner. */
    MANAGE_OWNERS,
    /** Change the organization's name and approval threshold. */
    CHANGE_SETTINGS,
    /** Approve or reject another member's payment above the approval threshold. */
    APPROVE
}
