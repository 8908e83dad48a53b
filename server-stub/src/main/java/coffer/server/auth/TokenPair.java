package coffer.server.auth;

/**
 * A freshly issued access token (short-lived, sent as {@code Authorization: Bearer}) and refresh token
 * (long-lived, single use: each refresh answers a new pair).
 *
 * @param expiresIn seconds until the access token expires
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String userId) {
    @Override
    public String toString() {
        return "TokenPair[user=" + userId + ", expiresIn=" + expiresIn + "]"; // never the tokens themselves
    }
}
