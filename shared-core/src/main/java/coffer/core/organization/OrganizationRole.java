package coffer.core.organization;

import java.util.Locale;
import java.util.Optional;

/** A member's one role in an organization, strongest first. */
public enum OrganizationRole {
    /** Everything, including making and unmaking owners; an organization always keeps at least one. */
    OWNER,
    /** Manages members (not owners) and settings, spends. */
    ADMIN,
    /** Spends from the organization's wallets and reads them. */
    MEMBER,
    /** Reads only. */
    VIEWER;

    /** The name on the wire: {@code "owner"}, {@code "admin"}, {@code "member"}, {@code "viewer"}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a wire name names, or empty for any other text (null included). */
    public static Optional<OrganizationRole> fromWire(String wire) {
        for (OrganizationRole role : values()) {
            if (role.wire().equals(wire)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
