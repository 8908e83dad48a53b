package coffer.app.organization;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The holder switcher: the signed-in user, then each organization they belong to; the one chosen is whose wallets
 * every screen shows and spends from. The user is chosen at sign-in; the organizations follow the server's list (or
 * the last one saved while offline), and a chosen organization the user has left falls back to the user.
 */
public final class HolderViewModel {
    public final ObservableList<Holder> holders = FXCollections.observableArrayList();
    public final ObjectProperty<Holder> current = new SimpleObjectProperty<>();
    /** True when the user belongs to an organization: only then is there a choice to show. */
    public final BooleanBinding several = Bindings.size(holders).greaterThan(1);

    private final BackgroundExecutor executor;
    private Callable<List<OrganizationSummary>> organizations;
    /** Bumped at each sign-in and sign-out, so a list asked for in an earlier session is dropped. */
    private long session;

    public HolderViewModel(BackgroundExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** A user signed in: they are the holder until they choose; their organizations are listed in the background. */
    public void enter(String email, Callable<List<OrganizationSummary>> organizations) {
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        session++;
        Holder me = Holder.me(email);
        holders.setAll(me);
        current.set(me);
        reload();
    }

    /** Signed out: nobody to act for. */
    public void leave() {
        session++;
        organizations = null;
        holders.clear();
        current.set(null);
    }

    /** Lists the user's organizations again (one was made, joined or left); the choice stays where it still can. */
    public void reload() {
        Callable<List<OrganizationSummary>> source = organizations;
        if (source == null) {
            return;
        }
        long asked = session;
        executor.submit(source, listed -> {
            if (asked == session) {
                show(listed);
            }
        }, failure -> { });   // the switcher keeps what it shows; the screens say what failed
    }

    /** An organization the user just made: offered and chosen at once, before the server's list comes back. */
    public void adopt(Holder organization) {
        Objects.requireNonNull(organization, "organization");
        holders.removeIf(h -> Objects.equals(h.organizationId(), organization.organizationId()));
        holders.add(organization);
        current.set(organization);
        reload();
    }

    /**
     * What a screen about the user themself (top-up, identity, settlements) says while an organization is chosen:
     * that it is about them, and how an organization's wallet is filled. Empty while the user is chosen.
     */
    public String personalNote() {
        Holder holder = current.get();
        return holder == null || holder.isMe() ? "" : Texts.text("holder.personal", holder.name(), holders.get(0).name());
    }

    /** The organizations offered, the user left out. */
    public List<Holder> organizations() {
        return holders.stream().filter(h -> !h.isMe()).toList();
    }

    private void show(List<OrganizationSummary> listed) {
        if (holders.isEmpty()) {
            return;
        }
        List<Holder> next = new ArrayList<>();
        next.add(holders.get(0));
        listed.forEach(o -> next.add(Holder.organization(o.id(), o.name(), o.role())));
        String chosen = current.get() == null ? null : current.get().organizationId();
        Holder keep = next.stream().filter(h -> Objects.equals(h.organizationId(), chosen)).findFirst().orElse(next.get(0));
        // changed in place, so the holder shown in the switcher stays its selection
        holders.retainAll(next);
        for (int i = 0; i < next.size(); i++) {
            if (i >= holders.size() || !holders.get(i).equals(next.get(i))) {
                holders.add(i, next.get(i));
            }
        }
        if (!holders.equals(next)) {
            holders.setAll(next);
        }
        if (!keep.equals(current.get())) {
            current.set(keep);
        }
    }
}
