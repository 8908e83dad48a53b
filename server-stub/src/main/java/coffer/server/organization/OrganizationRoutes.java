package coffer.server.organization;

import coffer.core.api.OrganizationTypes;
import coffer.core.api.OrganizationTypes.AddMemberRequest;
import coffer.core.api.OrganizationTypes.ApprovalList;
import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.api.OrganizationTypes.ChangeRoleRequest;
import coffer.core.api.OrganizationTypes.CreateOrganizationRequest;
import coffer.core.api.OrganizationTypes.MemberResponse;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.OrganizationTypes.OrganizationDetail;
import coffer.core.api.OrganizationTypes.OrganizationList;
import coffer.core.api.OrganizationTypes.OrganizationResponse;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import coffer.core.api.OrganizationTypes.UpdateOrganizationRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationRole;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.NoRateLimit;
import coffer.server.http.Requests;
import coffer.server.payment.Payment;
import coffer.server.payment.PaymentAwaitingApproval;
import coffer.server.wallet.AccountRoutes;
import coffer.server.withdrawal.Payout;
import coffer.server.withdrawal.WithdrawalAwaitingApproval;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /api/v1/organizations}: wallets held together (SPEC.md "Organization wallets"). A caller who is
 * not a member is told the organization does not exist (404) before anything of the request is read;
 * a member whose role may not do something is FORBIDDEN (403). Every member reads the organization's
 * approvals: what waits for an owner's or admin's decision.
 */
public record OrganizationRoutes(Organizations organizations) implements HttpApi.Routes {
    private static final NoRateLimit MEMBERS = NoRateLimit.because("changes who may use an organization the caller "
            + "manages; moves no money");

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/organizations", this::create, NoRateLimit.because("creates an organization with an empty wallet"));
        routes.get("/api/v1/organizations", this::list);
        routes.get("/api/v1/organizations/{id}", this::get);
        routes.patch("/api/v1/organizations/{id}", this::update, NoRateLimit.because("changes an organization's "
                + "name or approval threshold; moves no money"));
        routes.post("/api/v1/organizations/{id}/members", this::addMember, MEMBERS);
        routes.patch("/api/v1/organizations/{id}/members/{user_id}", this::changeRole, MEMBERS);
        routes.delete("/api/v1/organizations/{id}/members/{user_id}", this::removeMember, MEMBERS);
        routes.get("/api/v1/organizations/{id}/approvals", this::approvals);
    }

    private void create(Context ctx) {
        Principal p = Requests.principal(ctx);
        CreateOrganizationRequest r = Requests.body(ctx, CreateOrganizationRequest.class);
        String name = Requests.required(r.name(), "name");
        var currency = Currencies.of(Requests.required(r.currency(), "currency"));
        Requests.answer(ctx, 201, organizations.create(p, name, currency, Requests.idempotencyKey(ctx, p)),
                created -> new OrganizationCreated(new OrganizationSummary(created.organization().id(),
                        created.organization().name(), OrganizationRole.OWNER.wire()), AccountRoutes.view(created.wallet())));
    }

    private void list(Context ctx) {
        ctx.json(new OrganizationList(organizations.of(Requests.principal(ctx)).stream()
                .map(m -> new OrganizationSummary(m.organization().id(), m.organization().name(), m.role().wire())).toList()));
    }

    private void get(Context ctx) {
        Membership m = organizations.membership(Requests.principal(ctx), ctx.pathParam("id"));
        ctx.json(response(m.organization(), m.role()));
    }

    private void update(Context ctx) {
        Principal p = Requests.principal(ctx);
        Membership m = organizations.membership(p, ctx.pathParam("id"));
        UpdateOrganizationRequest r = Requests.body(ctx, UpdateOrganizationRequest.class);
        String name = r.name() == null ? null : Organizations.name(r.name());
        boolean setThreshold = r.approvalThreshold() != null;
        Long threshold = null;
        if (setThreshold && !r.approvalThreshold().isEmpty()) {
            Money amount = Money.parse(r.approvalThreshold(), m.organization().currency());
            if (amount.minor() < 0) {
                throw new CofferException(ErrorCode.INVALID_AMOUNT, "'approval_threshold' cannot be negative.",
                        Map.of("field", "approval_threshold"));
            }
            threshold = amount.minor();
        }
        StoredOrganization changed = organizations.update(p, m.organization().id(), name, setThreshold, threshold).orThrow();
        ctx.json(response(changed, m.role()));
    }

    private void addMember(Context ctx) {
        Principal p = Requests.principal(ctx);
        Membership m = organizations.membership(p, ctx.pathParam("id"));
        AddMemberRequest r = Requests.body(ctx, AddMemberRequest.class);
        String email = Requests.required(r.email(), "email").strip();
        OrganizationRole role = role(r.role());
        Requests.answer(ctx, 201, organizations.addMember(p, m.organization().id(), email, role, Requests.idempotencyKey(ctx, p)),
                member -> new MemberResponse(view(member)));
    }

    private void changeRole(Context ctx) {
        Principal p = Requests.principal(ctx);
        Membership m = organizations.membership(p, ctx.pathParam("id"));
        OrganizationRole role = role(Requests.body(ctx, ChangeRoleRequest.class).role());
        Requests.answer(ctx, 200, organizations.changeRole(p, m.organization().id(), ctx.pathParam("user_id"), role),
                member -> new MemberResponse(view(member)));
    }

    private void removeMember(Context ctx) {
        Principal p = Requests.principal(ctx);
        Membership m = organizations.membership(p, ctx.pathParam("id"));
        organizations.removeMember(p, m.organization().id(), ctx.pathParam("user_id")).orThrow();
        ctx.status(204);
    }

    /** The payments and withdrawals awaiting a decision, together oldest first (ties by id). */
    private void approvals(Context ctx) {
        OrganizationApprovals waiting = organizations.approvals(Requests.principal(ctx), ctx.pathParam("id"));
        record Waiting(Instant createdAt, ApprovalView view) {
        }
        ctx.json(new ApprovalList(Stream.concat(
                        waiting.payments().stream().map(w -> new Waiting(w.payment().createdAt(), view(w))),
                        waiting.withdrawals().stream().map(w -> new Waiting(w.withdrawal().createdAt(), view(w))))
                .sorted(Comparator.comparing(Waiting::createdAt).thenComparing(w -> w.view().id()))
                .map(Waiting::view).toList()));
    }

    private static ApprovalView view(PaymentAwaitingApproval waiting) {
        Payment p = waiting.payment();
        return new ApprovalView(OrganizationTypes.PAYMENT, p.id(), p.amount().toDecimalString(), p.amount().currencyCode(),
                p.sourceWalletId(), p.destination(), p.description(), p.initiatedBy(), waiting.initiatorEmail(),
                p.createdAt().toString(), waiting.expiresAt().toString());
    }

    private static ApprovalView view(WithdrawalAwaitingApproval waiting) {
        Payout w = waiting.withdrawal();
        return new ApprovalView(OrganizationTypes.WITHDRAWAL, w.id(), w.amount().toDecimalString(), w.amount().currencyCode(),
                w.walletId(), w.bankAccountId(), w.description(), w.userId(), waiting.initiatorEmail(),
                w.createdAt().toString(), waiting.expiresAt().toString());
    }

    private OrganizationResponse response(StoredOrganization o, OrganizationRole callersRole) {
        return new OrganizationResponse(new OrganizationDetail(o.id(), o.name(), callersRole.wire(), o.approvalThresholdText()),
                organizations.wallets(o).stream().map(AccountRoutes::view).toList(),
                organizations.members(o).stream().map(OrganizationRoutes::view).toList());
    }

    private static MemberView view(Member m) {
        return new MemberView(m.userId(), m.email(), m.role().wire());
    }

    private static OrganizationRole role(String wire) {
        return Organizations.role(Requests.required(wire, "role"));
    }
}
