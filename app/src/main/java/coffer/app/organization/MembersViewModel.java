package coffer.app.organization;

import coffer.app.api.ApiException;
import coffer.app.api.OrganizationsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.OrganizationTypes.OrganizationResponse;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An organization's members and settings, or, for the user themself, their organizations and a new one.
 * <p>
 * For an organization ({@link #isMe()} false): its members with their roles; owners and admins invite a user by
 * email with a role they may give (only owners make owners), change the chosen member's role, remove them after a
 * confirmation, and set or remove the approval threshold above which a payment waits for another owner's or admin's
 * decision. Members and viewers see it all read-only, with a line saying why. The server has the last word: what it
 * refuses (the last owner leaving, a role the user may not give) shows in words, and nothing else changes.
 * <p>
 * For the user: the organizations they belong to, with their role, and a form to create one; once made, the shell
 * is told ({@code created}) so it can act for it.
 */
public final class MembersViewModel extends ScreenViewModel {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The currencies a new organization's wallet is offered in, as on the Wallets screen: the common ones. */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "MXN", "BRL", "NGN", "JPY");

    private final OrganizationsApi api;
    private final Holder holder;
    private final Consumer<Holder> created;

    /** The organization's name, as the server last said it. */
    public final StringProperty organizationName = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<OrganizationRole> roleWrapper;
    /** The user's role in the organization, as the server last said it (at first, the holder's). */
    public final ReadOnlyObjectProperty<OrganizationRole> role;
    /** The members, as the server lists them. */
    public final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    public final ObjectProperty<MemberRow> selected = new SimpleObjectProperty<>();
    /** The roles this user may give, strongest first: owners may make owners, admins the rest. */
    public final ObservableList<OrganizationRole> grantable = FXCollections.observableArrayList();
    /** Whom to invite: a user of Coffer, by email. */
    public final StringProperty inviteEmail = new SimpleStringProperty("");
    public final ObjectProperty<OrganizationRole> inviteRole = new SimpleObjectProperty<>();
    /** The role to give the chosen member. */
    public final ObjectProperty<OrganizationRole> newRole = new SimpleObjectProperty<>();
    /** The threshold as it is now, in a sentence. */
    public final StringProperty thresholdNow = new SimpleStringProperty("");
    /** The threshold to save, as typed; empty removes it. */
    public final StringProperty threshold = new SimpleStringProperty("");
    /** Why the user cannot change the members or settings; empty when they can. */
    public final StringProperty readOnlyReason = new SimpleStringProperty("");
    /** Whether the user may invite, change and remove members (as far as their role goes). */
    public final BooleanBinding mayManage;
    /** Whether the user may change the approval threshold. */
    public final BooleanBinding mayChangeSettings;
    /** Whether the chosen member may be given {@link #newRole} by this user now. */
    public final BooleanBinding canChangeRole;
    /** Whether the chosen member may be removed by this user now. */
    public final BooleanBinding canRemove;
    /** The question before removing a member; empty otherwise. */
    public final StringProperty confirmation = new SimpleStringProperty("");
    public final BooleanProperty awaitingConfirmation = new SimpleBooleanProperty();

    /** The user's organizations, oldest membership first (for the user themself). */
    public final ObservableList<OrganizationRow> organizations = FXCollections.observableArrayList();
    /** The new organization's name. */
    public final StringProperty newName = new SimpleStringProperty("");
    /** One of {@link #currencies()}: the new organization's wallet's currency. */
    public final ObjectProperty<String> newCurrency = new SimpleObjectProperty<>(CURRENCIES.get(0));

    /** The member the confirmation asks about; null when none is asked. */
    private MemberRow removing;
    /** The organization's currency (its wallet's), once loaded; null before. */
    private String currency;

    /**
     * @param holder  whom the screen is for: an organization (its members) or the user themself (their organizations)
     * @param created told of an organization the user just created, as a holder to act for
     */
    public MembersViewModel(OrganizationsApi api, BackgroundExecutor executor, Holder holder, Consumer<Holder> created) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.created = Objects.requireNonNull(created, "created");
        this.roleWrapper = new ReadOnlyObjectWrapper<>(holder.role());
        this.role = roleWrapper.getReadOnlyProperty();
        organizationName.set(holder.isMe() ? "" : holder.name());
        mayManage = allowed(OrganizationAction.MANAGE_MEMBERS);
        mayChangeSettings = allowed(OrganizationAction.CHANGE_SETTINGS);
        canChangeRole = Bindings.createBooleanBinding(() -> !state.isBusy() && selected.get() != null
                && newRole.get() != null && !newRole.get().wire().equals(selected.get().role())
                && OrganizationRules.checkRoleChange(role.get(), selected.get().level(), newRole.get()).isOk(),
                state.busy, selected, newRole, role);
        canRemove = Bindings.createBooleanBinding(() -> !state.isBusy() && selected.get() != null
                && OrganizationRules.checkRoleChange(role.get(), selected.get().level(), null).isOk(),
                state.busy, selected, role);
        role.addListener((o, was, now) -> roleChanged());
        selected.addListener((o, was, now) -> {
            if (now != null) {
                newRole.set(grantable.contains(now.level()) ? now.level() : null);
            }
        });
        roleChanged();
    }

    private BooleanBinding allowed(OrganizationAction action) {
        return Bindings.createBooleanBinding(() -> !holder.isMe() && OrganizationRules.allows(role.get(), action), role);
    }

    /** Whether the screen is the user's own (their organizations) rather than an organization's (its members). */
    public boolean isMe() {
        return holder.isMe();
    }

    /** The currencies a new organization may hold. */
    public List<String> currencies() {
        return CURRENCIES;
    }

    /** Loads the members and settings, or the user's organizations. */
    public void load() {
        if (holder.isMe()) {
            state.run(api::organizations, this::showOrganizations);
        } else {
            state.run(() -> api.organization(holder.organizationId()), this::show);
        }
    }

    /** The server announced a change: a member or a setting may have changed. */
    public void refresh() {
        if (!state.isBusy()) {
            load();
        }
    }

    /** Adds the user of the email typed, with the role chosen. */
    public void invite() {
        state.clear();
        String email = strip(inviteEmail.get());
        OrganizationRole giving = inviteRole.get();
        if (!EMAIL.matcher(email).matches()) {
            state.error(Texts.text("members.error.email"));
            return;
        }
        if (giving == null) {
            state.error(Texts.text("members.error.role"));
            return;
        }
        change(() -> api.addMember(holder.organizationId(), email, giving.wire()),
                Texts.text("members.invited", email, Names.role(giving.wire())), () -> inviteEmail.set(""));
    }

    /** Gives the chosen member the role chosen for them. */
    public void changeRole() {
        state.clear();
        MemberRow member = selected.get();
        OrganizationRole giving = newRole.get();
        if (member == null) {
            state.error(Texts.text("members.error.choose"));
            return;
        }
        if (giving == null) {
            state.error(Texts.text("members.error.role"));
            return;
        }
        change(() -> api.changeRole(holder.organizationId(), member.userId(), giving.wire()),
                Texts.text("members.changed", member.email(), Names.role(giving.wire())), () -> { });
    }

    /** Asks whether to remove the chosen member; {@link #confirmRemove()} removes them. */
    public void askRemove() {
        state.clear();
        MemberRow member = selected.get();
        if (member == null) {
            state.error(Texts.text("members.error.choose"));
            return;
        }
        removing = member;
        confirmation.set(Texts.text("members.remove.question", member.email(), organizationName.get()));
        awaitingConfirmation.set(true);
    }

    /** Removes the member the confirmation asked about. */
    public void confirmRemove() {
        MemberRow member = removing;
        if (member == null) {
            return;
        }
        cancelRemove();
        change(() -> {
            api.removeMember(holder.organizationId(), member.userId());
            return null;
        }, Texts.text("members.removed", member.email(), organizationName.get()), () -> { });
    }

    /** Takes the question back: nobody is removed. */
    public void cancelRemove() {
        removing = null;
        confirmation.set("");
        awaitingConfirmation.set(false);
    }

    /** Saves the threshold typed; empty removes it, so that no payment waits for approval. */
    public void saveThreshold() {
        state.clear();
        String typed = strip(threshold.get());
        String decimal;
        if (typed.isEmpty()) {
            decimal = "";
        } else if (currency == null) {
            decimal = AmountInput.plain(typed);
        } else {
            Money amount;
            try {
                amount = Money.parse(AmountInput.plain(typed), currency);
            } catch (CofferException e) {
                state.error(Texts.text("members.threshold.invalid", currency));
                return;
            }
            if (amount.isNegative()) {
                state.error(Texts.text("members.threshold.negative"));
                return;
            }
            decimal = amount.toDecimalString();
        }
        state.run(() -> api.setApprovalThreshold(holder.organizationId(), decimal), response -> {
            show(response);
            String set = response.organization().approvalThreshold();
            state.notice(set == null ? Texts.text("members.threshold.removed")
                    : Texts.text("members.threshold.saved", Amounts.format(set, currency)));
        });
    }

    /** Creates an organization of the name typed, with a wallet in the currency chosen; the user owns it. */
    public void create() {
        state.clear();
        String name = strip(newName.get());
        String in = newCurrency.get();
        if (name.isEmpty()) {
            state.error(Texts.text("members.create.error.name"));
            return;
        }
        if (in == null) {
            state.error(Texts.text("members.create.error.currency"));
            return;
        }
        state.run(() -> new Created(api.createOrganization(name, in), api.organizations()), made -> {
            newName.set("");
            showOrganizations(made.organizations());
            OrganizationSummary o = made.created().organization();
            state.notice(Texts.text("members.create.done", o.name(), in));
            created.accept(Holder.organization(o.id(), o.name(), o.role()));
        });
    }

    /** Runs a change of the members, then shows them as the server has them now; {@code then} once it is done. */
    private void change(Callable<?> work, String done, Runnable then) {
        state.run(() -> {
            work.call();
            return stillAMember();
        }, now -> {
            if (now.isEmpty()) {
                left();
                state.notice(done);
                return;
            }
            show(now.get());
            then.run();
            state.notice(done);
        });
    }

    /** The organization as the user sees it now; empty when they are no longer a member (they removed themself). */
    private Optional<OrganizationResponse> stillAMember() {
        try {
            return Optional.of(api.organization(holder.organizationId()));
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.REFUSED && e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The user removed themself: nothing of the organization is theirs to see or change any more. */
    private void left() {
        members.clear();
        selected.set(null);
        roleWrapper.set(OrganizationRole.VIEWER);
        readOnlyReason.set(Texts.text("members.left", organizationName.get()));
    }

    private void show(OrganizationResponse response) {
        organizationName.set(response.organization().name());
        response.accounts().stream().findFirst().ifPresent(wallet -> currency = wallet.currency());
        OrganizationRole.fromWire(response.organization().role()).ifPresent(roleWrapper::set);
        String chosen = selected.get() == null ? null : selected.get().userId();
        members.setAll(response.members().stream().map(MemberRow::of).toList());
        selected.set(members.stream().filter(m -> m.userId().equals(chosen)).findFirst().orElse(null));
        String set = response.organization().approvalThreshold();
        thresholdNow.set(set == null ? Texts.text("members.threshold.none")
                : Texts.text("members.threshold.now", Amounts.format(set, currency)));
        threshold.set(set == null || currency == null ? "" : AmountInput.field(Money.parse(set, currency)));
        roleChanged();
    }

    private void showOrganizations(List<OrganizationSummary> list) {
        organizations.setAll(list.stream().map(OrganizationRow::of).toList());
    }

    /** What the user's role lets them give, and why they may change nothing. */
    private void roleChanged() {
        OrganizationRole mine = role.get();
        grantable.setAll(holder.isMe() ? List.of() : Arrays.stream(OrganizationRole.values())
                .filter(r -> OrganizationRules.checkRoleChange(mine, null, r).isOk()).toList());
        if (inviteRole.get() == null || !grantable.contains(inviteRole.get())) {
            inviteRole.set(grantable.contains(OrganizationRole.MEMBER) ? OrganizationRole.MEMBER : null);
        }
        boolean readOnly = !holder.isMe() && !OrganizationRules.allows(mine, OrganizationAction.MANAGE_MEMBERS);
        readOnlyReason.set(readOnly ? Texts.text("members.readOnly", Names.role(mine.wire()), organizationName.get()) : "");
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private record Created(OrganizationCreated created, List<OrganizationSummary> organizations) {
    }
}
