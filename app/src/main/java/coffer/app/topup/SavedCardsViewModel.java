package coffer.app.topup;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The cards the user saved at a checkout: listed, chosen for a charge without a page, removed. */
public final class SavedCardsViewModel extends ScreenViewModel {
    private final ApiClient api;
    private final ObservableList<CardRow> cards = FXCollections.observableArrayList();
    private final ObjectProperty<CardRow> selected = new SimpleObjectProperty<>();

    public SavedCardsViewModel(ApiClient api, BackgroundExecutor executor) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
    }

    public ObservableList<CardRow> cards() {
        return cards;
    }

    public ObjectProperty<CardRow> selectedProperty() {
        return selected;
    }

    public void load() {
        reload(null);
    }

    public void removeSelected() {
        CardRow card = selected.get();
        if (card == null) {
            state.error("Choose the card to remove.");
            return;
        }
        state.clearError();
        state.begin(() -> {
            api.removeCard(card.id());
            return Boolean.TRUE;
        }, ok -> reload("Removed the " + card.brand() + " card ending " + card.last4() + "."));
    }

    private void reload(String done) {
        state.run(api::cards, list -> {
            cards.setAll(list.stream().map(c -> new CardRow(c.cardId(), c.brand(), c.last4(), c.expMonth(), c.expYear()))
                    .toList());
            if (done != null) {
                state.notice(done);
            }
        });
    }
}
