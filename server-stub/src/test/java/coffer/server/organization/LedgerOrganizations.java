package coffer.server.organization;

import coffer.core.organization.OrganizationRole;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.UserId;

import java.util.Currency;

/**
 * Organizations on a bare ledger, for tests below the HTTP API: made, joined and given an approval threshold by
 * the same ledger tasks the routes run.
 */
public final class LedgerOrganizations {
    private LedgerOrganizations() {
    }

    /** A new organization owned by {@code owner}, with its first wallet in {@code currency}. */
    public static CreatedOrganization create(LedgerService ledger, EnvId env, UserId owner, String name, Currency currency) {
        return ledger.run(new OrganizationTasks.Create(env, owner, name, currency), null).orThrow();
    }

    /** Adds {@code user} to the organization with {@code role}, as the environment may. */
    public static void addMember(LedgerService ledger, EnvId env, String organizationId, UserId user, OrganizationRole role) {
        ledger.run(new OrganizationTasks.AddMember(env, null, organizationId, user, role), null).orThrow();
    }

    /** Sets the organization's approval threshold, in minor units of its currency. */
    public static void threshold(LedgerService ledger, EnvId env, String organizationId, long minor) {
        ledger.run(new OrganizationTasks.Update(env, null, organizationId, null, true, minor), null).orThrow();
    }
}
