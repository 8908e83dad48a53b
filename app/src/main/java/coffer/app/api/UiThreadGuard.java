package coffer.app.api;

import java.io.IOException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Refuses any request made on the UI thread, before it leaves: a blocking call there freezes the
 * window. Which thread is the UI thread is the app's to say (this package knows no UI toolkit), so
 * the composition root passes it in.
 */
final class UiThreadGuard implements Interceptor {
    private final BooleanSupplier onUiThread;

    UiThreadGuard(BooleanSupplier onUiThread) {
        this.onUiThread = Objects.requireNonNull(onUiThread, "onUiThread");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (onUiThread.getAsBoolean()) {
            throw new IllegalStateException("network call on the FX thread refused: " + request.method() + " "
                    + request.url().encodedPath() + " (run it through the BackgroundExecutor)");
        }
        return chain.proceed(request);
    }
}
