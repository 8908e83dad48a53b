package coffer.app.offline;

import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The main window's banner while Coffer cannot be reached: since when, and what that means for the user. */
public final class OfflineBannerViewModel {
    private final ZoneId zone;
    /** "Offline since 2:02:00 PM — showing your last synced data; operations are queued"; empty while online. */
    public final StringProperty text = new SimpleStringProperty("");
    public final BooleanProperty offline = new SimpleBooleanProperty();

    public OfflineBannerViewModel(Connectivity connectivity, ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        connectivity.addListener(this::show);
        show(connectivity.offlineSince());
    }

    private void show(Optional<Instant> since) {
        offline.set(since.isPresent());
        text.set(since.map(s -> Texts.text("offline.banner", Times.time(s, zone))).orElse(""));
    }
}
