package coffer.core.organization;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one table of who may do what in an organization. A caller who is not a member may do nothing and
 * is told nothing: the server answers as if the organization (or its wallet) did not exist.
 */
public final class OrganizationRules {
    private static final Map<OrganizationRole, Set<OrganizationAction>> ALLOWED = new EnumMap<>(OrganizationRole.class);

    static {
        ALLOWED.put(OrganizationRole.OWNER, EnumSet.allOf(OrganizationAction.class));
        ALLOWED.put(OrganizationRole.ADMIN, EnumSet.of(OrganizationAction.READ, OrganizationAction.SPEND,
                OrganizationAction.MANAGE_MEMBERS, OrganizationAction.CHANGE_SETTINGS, OrganizationAction.APPROVE));
        ALLOWED.put(OrganizationRole.MEMBER, EnumSet.of(OrganizationAction.READ, OrganizationAction.SPEND));
        ALLOWED.put(OrganizationRole.VIEWER, EnumSet.of(OrganizationAction.READ));
    }

    private OrganizationRules() {
    }

    /** Whether {@code role} may do {@code action}. */
    public static boolean allows(OrganizationRole role, OrganizationAction action) {
        return ALLOWED.get(Objects.requireNonNull(role, "role")).contains(Objects.requireNonNull(action, "action"));
    }

    /** Ok, or FORBIDDEN saying what the role may not do. */
    public static Result<OrganizationRole> check(OrganizationRole role, OrganizationAction action) {
        if (allows(role, action)) {
            return Result.ok(role);
        }
        String article = role == OrganizationRole.VIEWER || role == OrganizationRole.MEMBER ? "A " : "An ";
        return Result.rejected(ErrorCode.FORBIDDEN, article + role.wire() + " of the organization may not " + describe(action),
                Map.of("role", role.wire()));
    }

    /**
     * Whether {@code actor} may give a member who has {@code current} (null: not yet a member) the role
     * {@code next} (null: remove them). Owners are made and unmade by owners only; the rest by anyone who
     * manages members. Whether the last owner would be left out is the caller's to check.
     */
    public static Result<OrganizationRole> checkRoleChange(OrganizationRole actor, OrganizationRole current, OrganizationRole next) {
        Result<OrganizationRole> manage = check(actor, OrganizationAction.MANAGE_MEMBERS);
        if (!manage.isOk()) {
            return manage;
        }
        if (current == OrganizationRole.OWNER || next == OrganizationRole.OWNER) {
            return check(actor, OrganizationAction.MANAGE_OWNERS);
        }
        return Result.ok(actor);
    }

    private static String describe(OrganizationAction action) {
        return switch (action) {
            case READ -> "read it";
            case SPEND -> "spend from its wallets";
            case MANAGE_MEMBERS -> "manage its members";
            case MANAGE_OWNERS -> "make or unmake owners";
            case CHANGE_SETTINGS -> "change its settings";
            case APPROVE -> "approve or reject its payments";
        };
    }
}
