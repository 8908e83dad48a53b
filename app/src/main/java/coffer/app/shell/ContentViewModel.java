package coffer.app.shell;

import coffer.app.api.AccountsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.history.HistorySource;
import coffer.app.history.HistoryViewModel;
import coffer.app.history.LocalHistorySource;
import coffer.app.home.HomeViewModel;
import coffer.app.kyc.KycViewModel;
import coffer.app.local.LocalLedger;
import coffer.app.offline.LocalUser;
import coffer.app.offline.LastSyncedWallets;
import coffer.app.order.OrderViewModel;
import coffer.app.organization.ApprovalsViewModel;
import coffer.app.organization.Holder;
import coffer.app.organization.HolderScope;
import coffer.app.organization.HolderViewModel;
import coffer.app.organization.MembersViewModel;
import coffer.app.receive.ReceiveViewModel;
import coffer.app.send.SendViewModel;
import coffer.app.send.TransferViewModel;
import coffer.app.settings.AppSettings;
import coffer.app.settings.SettingsViewModel;
import coffer.app.settlement.SettlementsViewModel;
import coffer.app.signin.SignInViewModel;
import coffer.app.topup.TopupViewModel;
import coffer.app.wallet.WalletsViewModel;
import coffer.core.organization.OrganizationAction;
import coffer.app.withdraw.BankAccountsViewModel;
import coffer.app.withdraw.WithdrawViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * The main window's content: makes each screen's ViewModel from what it needs (the API client, the user's
 * local data, the poll interval), so views never see the API client; and tells the sync how the screen made
 * last refreshes when a sync brings changes.
 */
public final class ContentViewModel {
    /** Rows per history page: a few screens' worth, so scrolling rarely waits. */
    private static final int HISTORY_PAGE = 100;
    /** A payment's status arrives with the event stream; the poll only covers a stream that is down. */
    private static final int FALLBACK_POLL_FACTOR = 10;

    private final BackgroundExecutor executor;
    private final Duration pollInterval;
    private final AppSettings settings;
    private final ConnectionViewModel connection;
    private final SessionViewModel session;
    private final SyncStatusViewModel sync;
    private final NavigationViewModel navigation;
    private final HolderViewModel holders;
    /** Told of each sign-in form's password field (the idle lock's verifier is made of what it held). */
    private Consumer<ObservableValue<String>> passwords = password -> { };

    /** @param pollInterval how often a payment, top-up or withdrawal in flight is asked for its status */
    ContentViewModel(BackgroundExecutor executor, Duration pollInterval, AppSettings settings,
                     ConnectionViewModel connection, SessionViewModel session, SyncStatusViewModel sync,
                     NavigationViewModel navigation, HolderViewModel holders) {
        this.executor = executor;
        this.pollInterval = pollInterval;
        this.settings = settings;
        this.connection = connection;
        this.session = session;
        this.sync = sync;
        this.navigation = navigation;
        this.holders = holders;
    }

    /** Who watches each sign-in form's password: the idle lock, which keeps a verifier of it, never the password. */
    void watchPasswords(Consumer<ObservableValue<String>> watcher) {
        this.passwords = watcher;
    }

    public SignInViewModel signIn() {
        SignInViewModel[] form = new SignInViewModel[1];
        form[0] = new SignInViewModel(connection.api(), executor, connection.embedded(),
                () -> session.signedInAs(form[0].email.get().strip()));
        passwords.accept(form[0].password);
        return form[0];
    }

    /**
     * Home reads the local copy when there is one (so it shows offline), reloads whenever a sync brings changes,
     * and its quick actions open their screens.
     */
    public HomeViewModel home() {
        LocalLedger local = localLedger();
        Holder holder = holder();
        HistorySource source = HolderScope.history(local != null ? new LocalHistorySource(local)
                : HistorySource.of(connection.api()::accounts, connection.api()::transactions), holder);
        HomeViewModel home = new HomeViewModel(source, executor, ZoneId.systemDefault(),
                action -> navigation.show(switch (action) {
                    case SEND -> Screen.SEND;
                    case RECEIVE -> Screen.RECEIVE;
                    case TOPUP -> Screen.TOPUP;
                    case WITHDRAW -> Screen.WITHDRAW;
                    case HISTORY -> Screen.HISTORY;
                }));
        if (!holder.isMe()) {
            home.actFor(holder.name());
        }
        sync.refreshOnChange(home::load);
        holders.reload();   // an organization the user joined or left since shows in the switcher
        return home;
    }

    /** The wallets from the server, or as last synced while it cannot be reached; the signed-in user's email. */
    public ReceiveViewModel receive() {
        LocalUser user = session.user();
        ReceiveViewModel receive = new ReceiveViewModel(accounts(), lastSynced(user), holder().isMe() ? user.email() : "",
                executor);
        sync.refreshOnChange(receive::refresh);
        return receive;
    }

    public WalletsViewModel wallets() {
        LocalLedger local = localLedger();
        Holder holder = holder();
        WalletsViewModel wallets = new WalletsViewModel(accounts(), connection.api(),
                local == null ? null : () -> HolderScope.wallets(local.wallets(), holder), executor);
        if (!holder.isMe()) {
            wallets.actFor(holder.name(), holder.may(OrganizationAction.CHANGE_SETTINGS));
        }
        sync.refreshOnChange(wallets::load);
        return wallets;
    }

    /** Reads the local copy when there is one, and reloads whenever a sync brings changes. */
    public HistoryViewModel history() {
        LocalLedger local = localLedger();
        HistorySource source = local != null ? new LocalHistorySource(local)
                : HistorySource.of(connection.api()::accounts, connection.api()::transactions);
        HistoryViewModel history = new HistoryViewModel(connection.api(), executor, HISTORY_PAGE,
                HolderScope.history(source, holder()), ZoneId.systemDefault());
        sync.refreshOnChange(local != null ? history::refresh : () -> { });
        return history;
    }

    /** The payment's status follows the event stream; polling stays as a slow fallback. */
    public SendViewModel send() {
        LocalUser user = session.user();
        SendViewModel send = new SendViewModel(connection.api(), accounts(), executor,
                pollInterval.multipliedBy(FALLBACK_POLL_FACTOR), user.sender(), lastSynced(user));
        sync.refreshOnChange(send::refresh);
        return send;
    }

    public TransferViewModel transfer() {
        sync.refreshOnChange(() -> { });
        LocalUser user = session.user();
        TransferViewModel transfer = new TransferViewModel(accounts(), executor, user.sender(), lastSynced(user));
        if (!holder().isMe()) {
            transfer.actFor(holder().name());
        }
        return transfer;
    }

    public TopupViewModel topup() {
        sync.refreshOnChange(() -> { });
        return new TopupViewModel(connection.api(), personalAccounts(), executor, pollInterval);
    }

    public WithdrawViewModel withdraw() {
        WithdrawViewModel withdraw = new WithdrawViewModel(connection.api(), accounts(), executor, pollInterval);
        sync.refreshOnChange(withdraw::refresh);
        return withdraw;
    }

    public OrderViewModel orders() {
        sync.refreshOnChange(() -> { });
        return new OrderViewModel(connection.api(), accounts(), executor);
    }

    /** The verifier's decision is awaited with a growing pause, starting at the poll interval. */
    public KycViewModel kyc() {
        KycViewModel kyc = new KycViewModel(connection.api(), executor, pollInterval, connection.embedded(),
                Clock.systemUTC());
        sync.refreshOnChange(kyc::refresh);
        return kyc;
    }

    public SettlementsViewModel settlements() {
        SettlementsViewModel settlements = new SettlementsViewModel(connection.api(), personalAccounts(),
                new BankAccountsViewModel(connection.api(), executor), executor, pollInterval);
        sync.refreshOnChange(settlements::refresh);
        return settlements;
    }

    /** The chosen organization's members and settings, or the user's organizations; one just made is chosen at once. */
    public MembersViewModel members() {
        MembersViewModel members = new MembersViewModel(connection.api(), executor, holder(), holders::adopt);
        sync.refreshOnChange(members::refresh);
        return members;
    }

    /** What waits for a decision in the chosen organization, or in every organization of the user's. */
    public ApprovalsViewModel approvals() {
        Holder holder = holder();
        ApprovalsViewModel approvals = new ApprovalsViewModel(connection.api(), executor, session.user().email(),
                holder.isMe() ? holders.organizations() : List.of(holder));
        sync.refreshOnChange(approvals::refresh);
        return approvals;
    }

    /** Saving applies the theme at once; a changed server means connecting (and signing in) there. */
    public SettingsViewModel settings() {
        return new SettingsViewModel(settings, executor, serverChanged -> {
            navigation.settingsSaved();
            if (serverChanged) {
                session.start();
            }
        });
    }

    /** The holder the screens act for: the one chosen in the switcher, or the user before there is a choice. */
    private Holder holder() {
        Holder chosen = holders.current.get();
        return chosen != null ? chosen : Holder.me(session.user() == null ? "" : session.user().email());
    }

    /** The chosen holder's wallets on the server. */
    private AccountsApi accounts() {
        return HolderScope.accounts(connection.api(), holder());
    }

    /** The user's own wallets on the server, whichever holder is chosen: what top-ups and settlements are for. */
    private AccountsApi personalAccounts() {
        return HolderScope.accounts(connection.api(), Holder.me(""));
    }

    /** The chosen holder's wallets, from the server or as last synced. */
    private LastSyncedWallets lastSynced(LocalUser user) {
        return user.wallets().only(holder()::holds);
    }

    /** The signed-in user's local ledger; null when signed out. */
    private LocalLedger localLedger() {
        LocalUser user = session.user();
        return user == null ? null : user.ledger();
    }
}
