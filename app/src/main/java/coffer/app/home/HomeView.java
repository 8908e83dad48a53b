package coffer.app.home;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Home: the totals per currency as cards, the quick actions and the latest movements; binds and forwards only. */
public final class HomeView extends ScreenView<HomeViewModel> {
    private static final String CARD_STYLE = "-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
            + " -fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-padding: 12 18 12 18;";

    @FXML private FlowPane totals;
    @FXML private Label heading;
    @FXML private Label noWallets;
    @FXML private TableView<RecentMovement> recent;

    public HomeView(HomeViewModel viewModel) {
        super(viewModel, "Home.fxml");
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.heading);
        viewModel.totals.addListener((ListChangeListener<CurrencyTotal>) change -> showTotals());
        showTotals();
        noWallets.visibleProperty().bind(viewModel.loaded.and(Bindings.isEmpty(viewModel.totals)));
        noWallets.managedProperty().bind(noWallets.visibleProperty());
        recent.getColumns().setAll(List.of(
                column(Texts.text("home.column.when"), 190, RecentMovement::when),
                column(Texts.text("home.column.kind"), 150, RecentMovement::kind),
                column(Texts.text("home.column.with"), 230, RecentMovement::with),
                column(Texts.text("home.column.amount"), 130, RecentMovement::amount),
                column(Texts.text("home.column.status"), 110, RecentMovement::status)));
        recent.setItems(viewModel.recent);
        viewModel.load();
    }

    private void showTotals() {
        totals.getChildren().setAll(viewModel.totals.stream().map(HomeView::card).toList());
    }

    /** One currency: its name, the amount large, and over how many wallets. */
    private static Node card(CurrencyTotal total) {
        Label name = new Label(total.name());
        name.getStyleClass().add("text-muted");
        Label amount = new Label(total.amount());
        amount.setId("homeTotal" + total.currency());
        amount.getStyleClass().add("title-2");
        Label wallets = new Label(total.wallets());
        wallets.getStyleClass().add("text-muted");
        VBox card = new VBox(4, name, amount, wallets);
        card.setStyle(CARD_STYLE);
        card.setMinWidth(200);
        return card;
    }

    /** A quick action: the button's {@code userData} names its {@link HomeViewModel.Action}. */
    @FXML
    private void go(ActionEvent event) {
        viewModel.go(HomeViewModel.Action.valueOf((String) ((Node) event.getSource()).getUserData()));
    }
}
