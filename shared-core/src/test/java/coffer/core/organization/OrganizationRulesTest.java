package coffer.core.organization;

import coffer.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static coffer.core.organization.OrganizationRole.ADMIN;
import static coffer.core.organization.OrganizationRole.MEMBER;
import static coffer.core.organization.OrganizationRole.OWNER;
import static coffer.core.organization.OrganizationRole.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

class OrganizationRulesTest {

    @Test
    void ownersDoEverythingAdminsAllButOwnersMembersReadAndSpendViewersRead() {
        String table = "";
        for (OrganizationRole role : OrganizationRole.values()) {
            StringBuilder row = new StringBuilder(role.wire()).append(':');
            for (OrganizationAction action : OrganizationAction.values()) {
                row.append(OrganizationRules.allows(role, action) ? " " + action.name().toLowerCase(java.util.Locale.ROOT) : "");
            }
            table += row + "\n";
        }
        assertThat(table).isEqualTo("""
                owner: read spend manage_members manage_owners change_settings approve
                admin: read spend manage_members change_settings approve
                member: read spend
                viewer: read
                """);
    }

    @Test
    void onlyOwnersMakeOrUnmakeOwners() {
        assertThat(OrganizationRules.checkRoleChange(ADMIN, MEMBER, VIEWER).isOk()).isTrue();
        assertThat(OrganizationRules.checkRoleChange(ADMIN, null, MEMBER).isOk()).isTrue();
        assertThat(OrganizationRules.checkRoleChange(ADMIN, MEMBER, OWNER).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(OrganizationRules.checkRoleChange(ADMIN, OWNER, null).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(OrganizationRules.checkRoleChange(OWNER, OWNER, ADMIN).isOk()).isTrue();
        assertThat(OrganizationRules.checkRoleChange(MEMBER, VIEWER, MEMBER).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aRefusalNamesTheRoleAndWhatItMayNotDo() {
        assertThat(OrganizationRules.check(VIEWER, OrganizationAction.SPEND).toString())
                .contains("A viewer of the organization may not spend from its wallets");
        assertThat(OrganizationRole.fromWire("Owner")).isEmpty();
        assertThat(OrganizationRole.fromWire("owner")).contains(OWNER);
    }
}
