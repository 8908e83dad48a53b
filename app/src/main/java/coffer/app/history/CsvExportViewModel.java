package coffer.app.history;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Export CSV": the server's CSV of every movement matching the history's current filters, streamed
 * into the file the user chose. The download goes to a file beside it first and takes the chosen name
 * only when complete, so a failure leaves no partial file behind (and an older file of that name intact).
 */
public final class CsvExportViewModel {
    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final Supplier<Map<String, String>> filters;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    /** @param filters the history's current filters, read on the UI thread when an export starts */
    public CsvExportViewModel(ApiClient api, BackgroundExecutor executor, Supplier<Map<String, String>> filters) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.filters = Objects.requireNonNull(filters, "filters");
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Where the export stands: under way, or where it went. */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A file name to offer. */
    public String suggestedFileName() {
        return "coffer-transactions.csv";
    }

    /** Streams the CSV into {@code target} in the background. */
    public void export(Path target) {
        Objects.requireNonNull(target, "target");
        if (busy.get()) {
            return;
        }
        Map<String, String> query = Map.copyOf(filters.get());
        busy.set(true);
        error.set("");
        message.set("Exporting to " + target.getFileName() + "…");
        executor.submit(() -> download(query, target), bytes -> {
            busy.set(false);
            message.set("Exported to " + target + " (" + bytes + " bytes).");
        }, failure -> {
            busy.set(false);
            message.set("");
            error.set("The export failed and no file was written: " + Problems.describe(failure));
        });
    }

    private long download(Map<String, String> query, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(partial)) {
                bytes = api.exportCsv(query, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return bytes;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
