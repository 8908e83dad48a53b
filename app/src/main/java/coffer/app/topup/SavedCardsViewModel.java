package coffer.app.topup;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The cards the user saved at a checkout: listed, chosen for a charge without a page, removed. */
public final class SavedCardsViewModel {
    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final ObservableList<CardRow> cards = FXCollections.observableArrayList();
    private final ObjectProperty<CardRow> selected = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public SavedCardsViewModel(ApiClient api, BackgroundExecutor executor) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public ObservableList<CardRow> cards() {
        return cards;
    }

    public ObjectProperty<CardRow> selectedProperty() {
        return selected;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void load() {
        reload(null);
    }

    public void removeSelected() {
        CardRow card = selected.get();
        if (card == null) {
            error.set("Choose the card to remove.");
            return;
        }
        error.set("");
        busy.set(true);
        executor.submit(() -> {
            api.removeCard(card.id());
            return Boolean.TRUE;
        }, ok -> reload("Removed the " + card.brand() + " card ending " + card.last4() + "."), this::fail);
    }

    private void reload(String done) {
        busy.set(true);
        executor.submit(api::cards, list -> {
            busy.set(false);
            cards.setAll(list.stream().map(c -> new CardRow(c.cardId(), c.brand(), c.last4(), c.expMonth(), c.expYear()))
                    .toList());
            if (done != null) {
                notice.set(done);
            }
        }, this::fail);
    }

    private void fail(Throwable failure) {
        busy.set(false);
        error.set(Problems.describe(failure));
    }
}
