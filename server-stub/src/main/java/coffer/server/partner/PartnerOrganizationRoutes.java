package coffer.server.partner;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.organization.OrganizationRole;
import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import coffer.server.http.QueryParams;
import coffer.server.http.RateLimited;
import coffer.server.http.Requests;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.organization.CreatedOrganization;
import coffer.server.organization.Member;
import coffer.server.organization.StoredOrganization;
import coffer.server.organization.Organizations;
import coffer.server.tenant.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The partner's side of organization wallets (issue 18), signed like the rest of {@code /wallet/}: an
 * organization for one of its users (who owns it), its members, and its wallets and orders. The partner acts
 * as its environment, with an owner's authority over the environment's organizations, through the same
 * {@link Organizations} service and rules as the user API (the last owner stays); another environment's
 * organization is NOT_FOUND. Members spend from its wallets through the user API, as members.
 */
public record PartnerOrganizationRoutes(Organizations organizations, PartnerWalletRoutes wallets) implements HttpApi.Routes {

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/wallet/organizations/", this::create, Access.SIGNED, RateLimited.PARTNER);
        routes.get("/wallet/organizations/{id}/", this::get, Access.SIGNED);
        routes.get("/wallet/organizations/{id}/orders/", this::orders, Access.SIGNED);
        routes.post("/wallet/organizations/{id}/members/", this::addMember, Access.SIGNED, RateLimited.PARTNER);
        routes.post("/wallet/organizations/{id}/members/remove/", this::removeMember, Access.SIGNED, RateLimited.PARTNER);
    }

    /** {@code POST /wallet/organizations/ {env_id, user_id, name, currency?}}: 201, the organization, owned by the user. */
    private void create(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id", "name", "currency"));
        String envId = wallets.signedRetryable(ctx, body.id("env_id"));
        String userId = body.id("user_id");
        String name = Organizations.name(Requests.required(body.string("name"), "name"));
        String code = body.string("currency");
        var currency = Currencies.of(code == null ? "USD" : code);
        User owner = wallets.ensureUser(envId, userId);
        CreatedOrganization created = Requests.value(ctx, organizations.createFor(new EnvId(envId), new UserId(owner.id()),
                name, currency, PartnerWalletRoutes.key(ctx, envId)));
        ctx.status(201).json(view(created.organization()));
    }

    /** {@code GET /wallet/organizations/{id}/?env_id}: the organization with its wallets and members. */
    private void get(Context ctx) {
        ctx.json(view(organization(ctx, wallets.signed(ctx, QueryParams.single(ctx.queryParamMap(), "env_id")))));
    }

    /** {@code GET /wallet/organizations/{id}/orders/?env_id[&cursor]}: orders paid from its wallets, newest first. */
    private void orders(Context ctx) {
        String envId = wallets.signed(ctx, QueryParams.single(ctx.queryParamMap(), "env_id"));
        StoredOrganization o = organization(ctx, envId);
        wallets.orders(ctx, envId, holder(o));
    }

    /** {@code POST /wallet/organizations/{id}/members/ {env_id, user_id, role}}: 201, the new member. */
    private void addMember(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id", "role"));
        String envId = wallets.signedRetryable(ctx, body.id("env_id"));
        StoredOrganization o = organization(ctx, envId);
        String userId = body.id("user_id");
        OrganizationRole role = Organizations.role(Requests.required(body.string("role"), "role"));
        User user = wallets.ensureUser(envId, userId);
        Member added = Requests.value(ctx, organizations.addMemberFor(new EnvId(envId), o.id(), new UserId(user.id()), role,
                PartnerWalletRoutes.key(ctx, envId)));
        ctx.status(201).json(member(envId, added));
    }

    /**
     * {@code POST /wallet/organizations/{id}/members/remove/ {env_id, user_id}} (a POST with a body, like every
     * signed partner change): 204; the last owner stays (409).
     */
    private void removeMember(Context ctx) {
        PartnerBody body = PartnerBody.read(ctx, Set.of("env_id", "user_id"));
        String envId = wallets.signed(ctx, body.id("env_id"));
        StoredOrganization o = organization(ctx, envId);
        String userId = body.id("user_id");
        User user = wallets.user(envId, userId).orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND,
                "User " + userId + " is not a member of the organization.", Map.of("user_id", userId)));
        organizations.removeMemberFor(new EnvId(envId), o.id(), user.id()).orThrow();
        ctx.status(204);
    }

    private StoredOrganization organization(Context ctx, String envId) {
        return organizations.organization(new EnvId(envId), ctx.pathParam("id"));
    }

    /** The organization as the holder of its wallets. */
    private User holder(StoredOrganization o) {
        return wallets.user(o.envId(), o.id()).orElseThrow();
    }

    private Map<String, Object> view(StoredOrganization o) {
        User holder = holder(o);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", o.id());
        v.put("env_id", o.envId());
        v.put("name", o.name());
        v.put("currency", o.currency().getCurrencyCode());
        v.put("approval_threshold", o.approvalThresholdText());
        v.put("wallets", organizations.wallets(o).stream().map(w -> PartnerWalletRoutes.view(w, holder)).toList());
        v.put("members", organizations.members(o).stream().map(m -> member(o.envId(), m)).toList());
        return v;
    }

    /** A member by the partner's own id for the user. */
    private Map<String, Object> member(String envId, Member m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("user_id", wallets.user(envId, m.userId()).map(PartnerWalletRoutes::partnerUserId).orElse(m.userId()));
        v.put("role", m.role().wire());
        return v;
    }
}
