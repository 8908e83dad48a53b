package coffer.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import coffer.app.history.HistoryView;
import coffer.app.home.HomeView;
import coffer.app.i18n.Texts;
import coffer.app.kyc.KycView;
import coffer.app.order.OrderView;
import coffer.app.organization.ApprovalsView;
import coffer.app.organization.Holder;
import coffer.app.organization.HolderViewModel;
import coffer.app.organization.MembersView;
import coffer.app.receive.ReceiveView;
import coffer.app.send.SendView;
import coffer.app.send.TransferView;
import coffer.app.settings.SettingsView;
import coffer.app.settlement.SettlementsView;
import coffer.app.signin.SignInView;
import coffer.app.topup.TopupView;
import coffer.app.wallet.WalletsView;
import coffer.app.withdraw.WithdrawView;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The main window: navigation, the current screen, and which server the app talks to. */
public final class MainView {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final AppViewModel app;
    private final Parent root;
    @FXML private StackPane content;
    @FXML private Button navHome;
    @FXML private Button navSettings;
    @FXML private Button navWallets;
    @FXML private Button navHistory;
    @FXML private Button navSend;
    @FXML private Button navReceive;
    @FXML private Button navTransfer;
    @FXML private Button navTopup;
    @FXML private Button navWithdraw;
    @FXML private Button navOrders;
    @FXML private Button navKyc;
    @FXML private Button navSettlements;
    @FXML private Button navMembers;
    @FXML private Button navApprovals;
    @FXML private Button signOut;
    @FXML private Label connection;
    @FXML private Label announcement;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private ProgressBar syncProgress;
    @FXML private Label syncStatus;
    @FXML private Label offlineBanner;
    @FXML private HBox holderBar;
    @FXML private Label holderLabel;
    @FXML private ComboBox<Holder> holderChoice;
    @FXML private Label holderNote;

    /** Shows each screen the navigation names, until {@link #close()}. */
    private final ChangeListener<Screen> onScreen = (o, was, now) -> showScreen(now);
    /** Another holder chosen: the screen on show is made again for it, until {@link #close()}. */
    private final ChangeListener<Holder> onHolder = (o, was, now) -> holderChanged(was, now);

    public MainView(AppViewModel app) {
        this.app = app;
        this.root = Fxml.load(this, "Main.fxml");
    }

    /** Puts the main window on {@code stage} (theme, shortcuts) and starts connecting. */
    public static MainView show(Stage stage, AppViewModel app) {
        MainView view = new MainView(app);
        NavigationViewModel navigation = app.navigation();
        double[] size = navigation.windowSize();
        // the menu bar (with the shortcuts, ScreenMenu), the toast and the idle lock around the screens
        MainFrame frame = new MainFrame(view.root, app, stage);
        Scene scene = new Scene(frame.root(), size[0], size[1]);
        // a language chosen in Settings: the window's own texts (menu, toolbar, status bar, lock) and the screen
        // on show are built again in it; the old view lets go of the navigation
        MainView[] current = {view};
        navigation.language.addListener((o, was, now) -> {
            current[0].close();
            current[0] = new MainView(app);
            frame.relabel(current[0].root, stage);
            stage.setTitle(Texts.bundle().getString("main.title"));
        });
        stage.setOnHiding(e -> navigation.remember(scene.getWidth(), scene.getHeight()));
        applyTheme(navigation.darkTheme.get());
        navigation.darkTheme.addListener((o, was, dark) -> applyTheme(dark));
        stage.setTitle(Texts.bundle().getString("main.title"));
        stage.setScene(scene);
        stage.show();
        app.start();
        return view;
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public Parent root() {
        return root;
    }

    /** Stops following the navigation: this view is being replaced (the language changed). */
    void close() {
        app.navigation().screen.removeListener(onScreen);
        app.holders().current.removeListener(onHolder);
    }

    @FXML
    private void initialize() {
        NavigationViewModel navigation = app.navigation();
        for (Button nav : List.of(navHome, navWallets, navHistory, navSend, navReceive, navTransfer, navTopup, navWithdraw,
                navOrders, navKyc, navSettlements, navMembers, navApprovals)) {
            nav.disableProperty().bind(navigation.signedIn.not());
        }
        signOut.visibleProperty().bind(navigation.signedIn);
        connection.textProperty().bind(app.connection().connection);
        announcement.textProperty().bind(app.syncStatus().announcement);
        syncProgress.progressProperty().bind(app.syncStatus().syncProgress);
        syncProgress.visibleProperty().bind(app.syncStatus().syncing);
        syncProgress.managedProperty().bind(app.syncStatus().syncing);
        syncStatus.textProperty().bind(app.syncStatus().syncStatus);
        error.textProperty().bind(app.error);
        progress.visibleProperty().bind(app.busy);
        progress.managedProperty().bind(progress.visibleProperty());
        offlineBanner.textProperty().bind(app.connection().offlineBanner);
        offlineBanner.visibleProperty().bind(app.connection().offline);
        offlineBanner.managedProperty().bind(app.connection().offline);
        holderSwitcher(navigation);
        navigation.screen.addListener(onScreen);
        showScreen(navigation.screen.get());
    }

    private void holderChanged(Holder was, Holder now) {
        holderChoice.setValue(now);
        if (was != null && now != null && app.navigation().screen.get().followsHolder()) {
            showScreen(app.navigation().screen.get());
        }
    }

    /**
     * The holder switcher, shown once the user belongs to an organization: the user's pick becomes the holder every
     * screen follows; a screen about the user themself says so while an organization is chosen.
     */
    private void holderSwitcher(NavigationViewModel navigation) {
        HolderViewModel holders = app.holders();
        holderLabel.setLabelFor(holderChoice);
        holderChoice.setItems(holders.holders);
        holderChoice.setValue(holders.current.get());
        holderChoice.valueProperty().addListener((o, was, picked) -> {
            if (picked != null && !picked.equals(holders.current.get())) {
                holders.current.set(picked);
            }
        });
        // the list offered again (after a reload) drops the combo box's selection: the holder chosen stays shown
        holders.holders.addListener((ListChangeListener<Holder>) change -> holderChoice.setValue(holders.current.get()));
        holderChoice.setOnShowing(e -> holders.reload());
        holders.current.addListener(onHolder);
        BooleanBinding shown = navigation.signedIn.and(holders.several);
        for (Node node : List.of(holderLabel, holderChoice)) {
            node.visibleProperty().bind(shown);
            node.managedProperty().bind(shown);
        }
        holderBar.visibleProperty().bind(navigation.signedIn);
        holderBar.managedProperty().bind(navigation.signedIn);
        holderNote.textProperty().bind(Bindings.createStringBinding(() -> navigation.screen.get().needsSession()
                && !navigation.screen.get().followsHolder() ? holders.personalNote() : "", navigation.screen, holders.current));
        holderNote.visibleProperty().bind(holderNote.textProperty().isNotEmpty());
        holderNote.managedProperty().bind(holderNote.visibleProperty());
    }

    /**
     * The mnemonics (Alt+letter) of controls no longer in the window. A label registers its mnemonic with the scene
     * but JavaFX does not take it back when the screen holding it is replaced, so the Alt+N of a screen shown
     * earlier ("_Name" on sign-in) would answer before the one on show ("Account _number") and do nothing. A letter
     * left with no control goes too: the scene keys a mnemonic by its letter as written, so "See _all history" on
     * Home and "_Amount" on Send are two keys that both match Alt+A, and the scene stops at the first that matches,
     * which, emptied but kept, would swallow Alt+A on every screen shown after Home.
     */
    static void forgetDetachedMnemonics(Scene scene) {
        if (scene != null) {
            scene.getMnemonics().values().forEach(list -> list.removeIf(m -> m.getNode().getScene() != scene));
            scene.getMnemonics().values().removeIf(List::isEmpty);
        }
    }

    /** The current screen's toolbar button is marked (bold, underlined; see main.css), and said "selected" to a screen reader. */
    private void markCurrent(Screen screen) {
        Map<Screen, Button> buttons = Map.ofEntries(Map.entry(Screen.HOME, navHome), Map.entry(Screen.WALLETS, navWallets),
                Map.entry(Screen.HISTORY, navHistory), Map.entry(Screen.SEND, navSend), Map.entry(Screen.RECEIVE, navReceive),
                Map.entry(Screen.TRANSFER, navTransfer), Map.entry(Screen.TOPUP, navTopup),
                Map.entry(Screen.WITHDRAW, navWithdraw), Map.entry(Screen.ORDERS, navOrders), Map.entry(Screen.KYC, navKyc),
                Map.entry(Screen.SETTLEMENTS, navSettlements), Map.entry(Screen.MEMBERS, navMembers),
                Map.entry(Screen.APPROVALS, navApprovals), Map.entry(Screen.SETTINGS, navSettings));
        buttons.forEach((s, button) -> {
            boolean current = s == screen;
            button.pseudoClassStateChanged(CURRENT, current);
            button.setAccessibleHelp(current ? Texts.text("main.nav.current") : null);
        });
    }

    private void showScreen(Screen screen) {
        ContentViewModel screens = app.content();
        Parent page = switch (screen) {
            case STARTING -> startingPage();
            case SIGN_IN -> new SignInView(screens.signIn()).root();
            case HOME -> new HomeView(screens.home()).root();
            case WALLETS -> new WalletsView(screens.wallets()).root();
            case HISTORY -> new HistoryView(screens.history()).root();
            case SEND -> new SendView(screens.send()).root();
            case RECEIVE -> new ReceiveView(screens.receive()).root();
            case TRANSFER -> new TransferView(screens.transfer()).root();
            case TOPUP -> new TopupView(screens.topup()).root();
            case WITHDRAW -> new WithdrawView(screens.withdraw()).root();
            case SETTINGS -> new SettingsView(screens.settings()).root();
            case ORDERS -> new OrderView(screens.orders()).root();
            case KYC -> new KycView(screens.kyc()).root();
            case SETTLEMENTS -> new SettlementsView(screens.settlements()).root();
            case MEMBERS -> new MembersView(screens.members()).root();
            case APPROVALS -> new ApprovalsView(screens.approvals()).root();
        };
        content.getChildren().setAll(page);
        forgetDetachedMnemonics(content.getScene());
        markCurrent(screen);
    }

    private Parent startingPage() {
        Label label = new Label();
        label.textProperty().bind(app.connection().connection);
        label.setWrapText(true);
        return new StackPane(label);
    }

    @FXML
    private void home() {
        app.navigation().show(Screen.HOME);
    }

    @FXML
    private void receive() {
        app.navigation().show(Screen.RECEIVE);
    }

    @FXML
    private void wallets() {
        app.navigation().show(Screen.WALLETS);
    }

    @FXML
    private void history() {
        app.navigation().show(Screen.HISTORY);
    }

    @FXML
    private void send() {
        app.navigation().show(Screen.SEND);
    }

    @FXML
    private void transfer() {
        app.navigation().show(Screen.TRANSFER);
    }

    @FXML
    private void topup() {
        app.navigation().show(Screen.TOPUP);
    }

    @FXML
    private void withdraw() {
        app.navigation().show(Screen.WITHDRAW);
    }

    @FXML
    private void kyc() {
        app.navigation().show(Screen.KYC);
    }

    @FXML
    private void settlements() {
        app.navigation().show(Screen.SETTLEMENTS);
    }

    @FXML
    private void members() {
        app.navigation().show(Screen.MEMBERS);
    }

    @FXML
    private void approvals() {
        app.navigation().show(Screen.APPROVALS);
    }

    @FXML
    private void settings() {
        app.navigation().show(Screen.SETTINGS);
    }

    @FXML
    private void orders() {
        app.navigation().show(Screen.ORDERS);
    }

    @FXML
    private void signOut() {
        app.session().signOut();
    }
}
