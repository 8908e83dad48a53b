package coffer.app.organization;

import coffer.app.api.ApiException;
import coffer.app.api.OrganizationsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.i18n.Texts;
import coffer.core.api.OrganizationTypes.ApprovalView;
import coffer.core.organization.OrganizationAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The approvals inbox: the payments out of the organizations in scope that wait for an owner's or admin's decision,
 * oldest first. An owner or admin approves or rejects one another member asked for; the one who asked sees theirs
 * marked as waiting for another owner or admin, and cannot decide on it. A decision carries an idempotency key that a
 * retry of the same decision (after the network failed) carries again, so it is taken once.
 */
public final class ApprovalsViewModel extends ScreenViewModel {
    private final OrganizationsApi api;
    private final String myEmail;
    private final List<Holder> organizations;
    /** What waits for a decision, oldest first. */
    public final ObservableList<ApprovalRow> approvals = FXCollections.observableArrayList();
    public final ObjectProperty<ApprovalRow> selected = new SimpleObjectProperty<>();
    /** Why the user cannot decide on the chosen row; empty when they can, or nothing is chosen. */
    public final StringBinding why;
    /** Whether the user may approve or reject the chosen row now. */
    public final BooleanBinding canDecide;
    /** The decision last sent and not yet answered for sure, whose key a retry reuses; null when none. */
    private Decision pending;

    /**
     * @param myEmail       the signed-in user's email: what they asked for themselves is not theirs to decide
     * @param organizations the organizations in scope: the chosen one, or every one of the user's
     */
    public ApprovalsViewModel(OrganizationsApi api, BackgroundExecutor executor, String myEmail, List<Holder> organizations) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.myEmail = Objects.requireNonNull(myEmail, "myEmail");
        this.organizations = organizations.stream().filter(h -> !h.isMe()).toList();
        why = Bindings.createStringBinding(() -> why(selected.get()), selected);
        canDecide = Bindings.createBooleanBinding(() -> !state.isBusy() && selected.get() != null
                && why(selected.get()).isEmpty(), state.busy, selected);
    }

    /** Why the user cannot decide on {@code row}, in words; empty when they may. */
    private static String why(ApprovalRow row) {
        if (row == null) {
            return "";
        }
        if (row.mine()) {
            return Texts.text("approvals.why.mine");
        }
        return row.organization().may(OrganizationAction.APPROVE) ? "" : Texts.text("approvals.why.role");
    }

    /** Loads what waits for a decision in every organization in scope. */
    public void load() {
        state.run(this::fetch, this::show);
    }

    /** The server announced a change: something may wait for a decision, or have been decided. */
    public void refresh() {
        if (!state.isBusy()) {
            load();
        }
    }

    /** Approves the chosen payment: it leaves the organization's wallet. */
    public void approve() {
        decide(true);
    }

    /** Rejects the chosen payment: its held amount is released. */
    public void reject() {
        decide(false);
    }

    private void decide(boolean approve) {
        ApprovalRow row = selected.get();
        if (row == null) {
            state.clear();
            state.error(Texts.text("approvals.error.choose"));
            return;
        }
        String reason = why(row);
        if (!reason.isEmpty()) {
            state.clear();
            state.error(reason);
            return;
        }
        state.clear();
        Decision decision = pending != null && pending.kind().equals(row.kind()) && pending.id().equals(row.id())
                && pending.approve() == approve ? pending : new Decision(row.kind(), row.id(), approve, UUID.randomUUID().toString());
        pending = decision;
        state.run(() -> {
            api.decide(decision.key(), decision.kind(), decision.id(), decision.approve());
            return fetch();
        }, rows -> {
            pending = null;
            show(rows);
            state.notice(Texts.text(approve ? "approvals.approved" : "approvals.rejected", row.amount(), row.destination()));
        }, failure -> {
            state.error(failure);
            boolean mayRetry = failure instanceof ApiException e && e.kind() == ApiException.Kind.NETWORK_DOWN;
            if (!mayRetry) {
                pending = null;
                // decided by someone else meanwhile, or expired: the inbox shows how things stand now
                state.background(this::fetch, this::show);
            }
        });
    }

    private List<ApprovalRow> fetch() {
        List<ApprovalRow> rows = new ArrayList<>();
        for (Holder organization : organizations) {
            for (ApprovalView a : api.approvals(organization.organizationId())) {
                rows.add(ApprovalRow.of(organization, a, myEmail));
            }
        }
        rows.sort(Comparator.comparing(ApprovalsViewModel::askedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    private static Instant askedAt(ApprovalRow row) {
        return row.createdAt() == null || row.createdAt().isBlank() ? null : Instant.parse(row.createdAt());
    }

    private void show(List<ApprovalRow> rows) {
        ApprovalRow chosen = selected.get();
        approvals.setAll(rows);
        selected.set(chosen == null ? null : rows.stream()
                .filter(r -> r.id().equals(chosen.id()) && r.kind().equals(chosen.kind())).findFirst().orElse(null));
    }

    /** A decision on a payment or withdrawal, and the key that sending it, and any retry of it, carries. */
    private record Decision(String kind, String id, boolean approve, String key) {
    }
}
