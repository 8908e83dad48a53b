package coffer.app.api;

/**
 * Signing in, and registering a new user (who is then signed in).
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface AuthApi {
    void login(String email, String password);
    void register(String email, String password, String name);
}
