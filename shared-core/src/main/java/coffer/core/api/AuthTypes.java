package coffer.core.api;

/** Bodies of {@code /api/v1/auth/...}. */
public final class AuthTypes {
    private AuthTypes() {
    }

    /** {@code POST /api/v1/auth/register}. */
    public record RegisterRequest(String email, String password, String name) {
    }

    /** {@code POST /api/v1/auth/login}. */
    public record LoginRequest(String email, String password) {
    }

    /** {@code POST /api/v1/auth/refresh} and {@code /logout}. */
    public record RefreshRequest(String refreshToken) {
    }

    /**
     * Answer to register, login and refresh.
     *
     * @param expiresIn seconds until the access token expires
     */
    public record TokenResponse(String accessToken, String refreshToken, long expiresIn) {
    }
}
