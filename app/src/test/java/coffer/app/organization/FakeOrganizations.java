package coffer.app.organization;

import coffer.app.api.OrganizationsApi;
import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.OrganizationTypes.OrganizationResponse;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The approvals part of the server, in memory: what waits in each organization, and the decisions taken on it.
 * A decision's key is remembered: the same key again answers as the first time did, as the server's idempotency
 * does; a decision on what no longer waits is refused, as the server refuses it. {@link #failNextDecision} makes the
 * next decision fail without being taken.
 */
final class FakeOrganizations implements OrganizationsApi {
    /** What waits, by organization id. */
    final Map<String, List<ApprovalView>> waiting = new LinkedHashMap<>();
    /** Each decision taken: "approve pay_1 key" or "reject pay_1 key", in order. */
    final List<String> decisions = new CopyOnWriteArrayList<>();
    /** The kind of each decision taken, in order. */
    final List<String> kinds = new CopyOnWriteArrayList<>();
    /** The key of every decision asked for, taken or not, in order. */
    final List<String> keys = new CopyOnWriteArrayList<>();
    private final Map<String, PaymentView> answered = new LinkedHashMap<>();
    private RuntimeException nextFailure;

    static ApprovalView payment(String id, String amount, String to, String askedBy, String createdAt) {
        return new ApprovalView("payment", id, amount, "USD", "wal_org", to, "Hotel", "usr_" + askedBy.charAt(0),
                askedBy, createdAt, "2026-12-10T10:00:00Z");
    }

    FakeOrganizations waits(String organizationId, ApprovalView... approvals) {
        waiting.computeIfAbsent(organizationId, id -> new ArrayList<>()).addAll(List.of(approvals));
        return this;
    }

    /** The next decision fails as {@code failure} says, and is not taken. */
    void failNextDecision(RuntimeException failure) {
        nextFailure = failure;
    }

    @Override
    public synchronized List<ApprovalView> approvals(String organizationId) {
        return List.copyOf(waiting.getOrDefault(organizationId, List.of()));
    }

    @Override
    public synchronized void decide(String idempotencyKey, String kind, String paymentId, boolean approve) {
        keys.add(idempotencyKey);
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        if (answered.containsKey(idempotencyKey)) {
            return;
        }
        ApprovalView a = waiting.values().stream().flatMap(List::stream)
                .filter(w -> w.id().equals(paymentId) && w.kind().equals(kind))
                .findFirst().orElseThrow(() -> new CofferException(ErrorCode.CONFLICT,
                        "Payment " + paymentId + " is not awaiting approval", Map.of()));
        waiting.values().forEach(list -> list.remove(a));
        decisions.add((approve ? "approve " : "reject ") + paymentId + " " + idempotencyKey);
        kinds.add(kind);
        PaymentView decided = new PaymentView(paymentId, approve ? "completed" : "failed", a.amount(), a.currency(),
                a.sourceWalletId(), a.destination(), a.description(), null, null, null, null, null);
        answered.put(idempotencyKey, decided);
    }

    @Override
    public List<OrganizationSummary> organizations() {
        throw new AssertionError("not asked");
    }

    @Override
    public OrganizationResponse organization(String organizationId) {
        throw new AssertionError("not asked");
    }

    @Override
    public OrganizationCreated createOrganization(String name, String currency) {
        throw new AssertionError("not asked");
    }

    @Override
    public OrganizationResponse setApprovalThreshold(String organizationId, String threshold) {
        throw new AssertionError("not asked");
    }

    @Override
    public MemberView addMember(String organizationId, String email, String role) {
        throw new AssertionError("not asked");
    }

    @Override
    public MemberView changeRole(String organizationId, String userId, String role) {
        throw new AssertionError("not asked");
    }

    @Override
    public void removeMember(String organizationId, String userId) {
        throw new AssertionError("not asked");
    }
}
