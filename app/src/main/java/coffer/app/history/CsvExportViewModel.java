package coffer.app.history;

import coffer.app.api.HistoryApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.i18n.Texts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * "Export CSV": the server's CSV of every movement matching the history's current filters, streamed
 * into the file the user chose. The download goes to a file beside it first and takes the chosen name
 * only when complete, so a failure leaves no partial file behind (and an older file of that name intact).
 */
public final class CsvExportViewModel extends ScreenViewModel {
    private final HistoryApi api;
    private final Supplier<Map<String, String>> filters;
    /** Where the export stands: under way, or where it went. */
    public final ReadOnlyStringProperty message = state.notice;

    /** @param filters the history's current filters, read on the UI thread when an export starts */
    public CsvExportViewModel(HistoryApi api, BackgroundExecutor executor, Supplier<Map<String, String>> filters) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.filters = Objects.requireNonNull(filters, "filters");
    }

    /** A file name to offer. */
    public String suggestedFileName() {
        return "coffer-transactions.csv";
    }

    /** Streams the CSV into {@code target} in the background. */
    public void export(Path target) {
        Objects.requireNonNull(target, "target");
        if (state.isBusy()) {
            return;
        }
        Map<String, String> query = Map.copyOf(filters.get());
        state.clearError();
        state.notice(Texts.text("history.export.under", target.getFileName()));
        state.run(() -> download(query, target), bytes -> state.notice(Texts.text("history.export.done", target, bytes)),
                failure -> {
                    state.notice("");
                    state.fail(Texts.text("history.export.failed"), failure);
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
