package coffer.app.api;

/**
 * What the server says about itself ({@code GET /health}), for the About dialog.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface ServerInfoApi {
    /** The server's version, as {@code GET /health} names it ({@code "version"}); empty when it names none. */
    String serverVersion();

    /** The server's address, as the client calls it. */
    String baseUrl();

    /** {@code GET /health}'s answer, the parts the app reads. */
    record Health(String status, String version) {
    }
}
