package coffer.app.topup;

import coffer.app.api.TopupsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.concurrent.ServerList;
import coffer.app.i18n.Texts;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;

/** The cards the user saved at a checkout: listed, chosen for a charge without a page, removed. */
public final class SavedCardsViewModel extends ScreenViewModel {
    private final TopupsApi api;
    private final ServerList<CardRow> list;
    public final ObservableList<CardRow> cards;
    /** The card to charge without a page; null when none is chosen. */
    public final ObjectProperty<CardRow> selected;

    public SavedCardsViewModel(TopupsApi api, BackgroundExecutor executor) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.list = new ServerList<>(state, () -> api.cards().stream().map(CardRow::of).toList());
        this.cards = list.items;
        this.selected = list.selected;
    }

    public void load() {
        list.load();
    }

    public void removeSelected() {
        list.removeSelected(Texts.text("topup.cards.noneChosen"), card -> api.removeCard(card.id()),
                card -> Texts.text("topup.cards.removed", card.brand(), card.last4()));
    }
}
