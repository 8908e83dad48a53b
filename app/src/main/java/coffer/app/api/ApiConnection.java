package coffer.app.api;

import coffer.core.api.AuthTypes.RefreshRequest;
import coffer.core.api.AuthTypes.TokenResponse;
import coffer.core.api.ErrorBody;
import coffer.core.error.ErrorCode;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The HTTP side of {@link ApiClient}: OkHttp (the UI-thread guard, the session's tokens, a test's interceptors)
 * under Retrofit with the app's Gson, and what each answer means: its body, or the {@link ApiException} its
 * status, its error body or the network failure says. Tells the reachability listener after every call.
 */
final class ApiConnection {
    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapterFactory(new MovementReader())
            .create();
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String FX_THREAD = "JavaFX Application Thread";

    private final CofferApi api;
    private final OkHttpClient http;
    private final String baseUrl;
    private final SessionTokens tokens = new SessionTokens();
    private volatile Consumer<Boolean> onReachability = reachable -> { };

    ApiConnection(String baseUrl, BooleanSupplier onUiThread, Duration readTimeout, List<Interceptor> extra) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(readTimeout, "readTimeout");
        HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
        }
        this.baseUrl = url.toString();
        // OkHttp itself resends a request whose connection dropped, POSTs included; that is safe here
        // because money-moving POSTs carry their Idempotency-Key, the same on every attempt
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(readTimeout)
                .addInterceptor(new UiThreadGuard(onUiThread))
                .addInterceptor(tokens)
                .authenticator(tokens);
        List.copyOf(extra).forEach(builder::addInterceptor);
        this.http = builder.build();
        this.api = new Retrofit.Builder()
                .baseUrl(url)
                .client(http)
                .addConverterFactory(GsonConverterFactory.create(GSON))
                .build()
                .create(CofferApi.class);
        tokens.use(api);
    }

    /** The UI-thread test for a client not told one: a thread named as JavaFX names its application thread. */
    static boolean onFxThreadByName() {
        return FX_THREAD.equals(Thread.currentThread().getName());
    }

    CofferApi api() {
        return api;
    }

    /** The server's URL, ending in {@code /}. */
    String baseUrl() {
        return baseUrl;
    }

    SessionTokens tokens() {
        return tokens;
    }

    void onReachability(Consumer<Boolean> listener) {
        this.onReachability = Objects.requireNonNull(listener, "listener");
    }

    /** Signs in with the tokens {@code call} answers. */
    void signIn(Call<TokenResponse> call) {
        tokens.set(Session.of(execute(call)));
    }

    /** Ends the session here and, best effort, on the server. */
    void signOut() {
        Session s = tokens.current();
        tokens.set(null);
        if (s != null) {
            try {
                execute(api.logout(new RefreshRequest(s.refreshToken())));
            } catch (ApiException ignored) {
                // signed out locally either way; the server expires the tokens on its own
            }
        }
    }

    /** Opens and starts the event stream at {@code path} (below the base URL), through this client's session. */
    EventStream events(String path, BiConsumer<String, String> onEvent) {
        EventStream stream = new EventStream(http, baseUrl + path, onEvent);
        stream.start();
        return stream;
    }

    /** The answer's body; any other outcome as the {@link ApiException} it means. */
    <T> T execute(Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            onReachability.accept(false);
            throw ApiException.networkDown(e);
        } catch (JsonParseException e) {
            onReachability.accept(true);
            throw ApiException.serverError("The server sent an answer the app does not understand.");
        }
        onReachability.accept(true);
        if (response.isSuccessful()) {
            return response.body();
        }
        throw failure(response.code(), response.errorBody());
    }

    /**
     * Streams the body {@code call} answers into {@code out}; the caller owns {@code out}.
     *
     * @return the number of bytes written
     * @throws IOException when writing to {@code out} fails; reading from the server fails as {@link ApiException}
     */
    long download(Call<ResponseBody> call, OutputStream out) throws IOException {
        try (ResponseBody body = execute(call); InputStream in = body.byteStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw ApiException.networkDown(e);
                }
                if (n < 0) {
                    return total;
                }
                out.write(buffer, 0, n);
                total += n;
            }
        }
    }

    /** What an answer other than 2xx means: its status, and the error body the server sent (read and closed here). */
    static ApiException failure(int status, ResponseBody errorBody) {
        ErrorBody body = parseError(errorBody);
        if (status == 401) {
            return ApiException.unauthenticated(body != null ? body.error().message() : "Please sign in again.");
        }
        if (status >= 500) {
            return ApiException.serverError("The server ran into a problem (HTTP " + status + "). Try again later.");
        }
        if (body != null) {
            return ApiException.refused(body.code(), body.error().message());
        }
        return ApiException.refused(ErrorCode.INVALID_REQUEST, "The server refused the request (HTTP " + status + ").");
    }

    private static ErrorBody parseError(ResponseBody errorBody) {
        if (errorBody == null) {
            return null;
        }
        try (errorBody) {
            ErrorBody body = GSON.fromJson(errorBody.charStream(), ErrorBody.class);
            return body != null && body.error() != null && body.error().message() != null ? body : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
