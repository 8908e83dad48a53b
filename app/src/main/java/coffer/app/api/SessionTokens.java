package coffer.app.api;

import coffer.core.api.AuthTypes.RefreshRequest;
import coffer.core.api.AuthTypes.TokenResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okhttp3.Route;
import retrofit2.Response;

/**
 * The signed-in session's tokens for {@link ApiClient}: puts the access token on each request, and on a 401
 * refreshes it once (one refresh at a time; a call that lost the race retries with the token another refreshed)
 * and retries. Tells its listeners each new refresh token (refresh tokens are single-use) and the session's end.
 */
final class SessionTokens implements Interceptor, Authenticator {
    private final Object refreshLock = new Object();
    private volatile Session session;
    private volatile CofferApi api;
    private volatile Runnable onSessionEnded = () -> { };
    private volatile Consumer<String> onRefreshToken = token -> { };

    /** The API to refresh through, once the client is built. */
    void use(CofferApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The session; null when signed out. */
    Session current() {
        return session;
    }

    /** A new session (null: signed out), told to the refresh-token listener. */
    void set(Session next) {
        session = next;
        onRefreshToken.accept(next == null ? null : next.refreshToken());
    }

    void onSessionEnded(Runnable listener) {
        this.onSessionEnded = Objects.requireNonNull(listener, "listener");
    }

    void onRefreshToken(Consumer<String> listener) {
        this.onRefreshToken = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
        Session s = session;
        Request request = chain.request();
        if (s == null || request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        return chain.proceed(withBearer(request, s.accessToken()));
    }

    /** The server said 401: refresh once (one refresh at a time) and retry, or give up. */
    @Override
    public Request authenticate(Route route, okhttp3.Response response) throws IOException {
        Request failed = response.request();
        if (failed.url().encodedPath().contains("/api/v1/auth/")) {
            return null;
        }
        String used = failed.header("Authorization");
        synchronized (refreshLock) {
            Session current = session;
            if (current == null) {
                return null;
            }
            if (used != null && !used.equals("Bearer " + current.accessToken())) {
                return withBearer(failed, current.accessToken());   // another call refreshed already
            }
            Response<TokenResponse> refreshed = api.refresh(new RefreshRequest(current.refreshToken())).execute();
            if (!refreshed.isSuccessful() || refreshed.body() == null) {
                ResponseBody error = refreshed.errorBody();
                if (error != null) {
                    error.close();
                }
                set(null);
                onSessionEnded.run();
                return null;
            }
            set(Session.of(refreshed.body()));
            return withBearer(failed, session.accessToken());
        }
    }

    private static Request withBearer(Request request, String accessToken) {
        return request.newBuilder().header("Authorization", "Bearer " + accessToken).build();
    }
}
