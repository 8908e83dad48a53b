package coffer.app.api;

import coffer.core.api.AuthTypes.TokenResponse;

/** The tokens of the signed-in user; held in memory only, never logged. */
record Session(String accessToken, String refreshToken) {
    static Session of(TokenResponse tokens) {
        return new Session(tokens.accessToken(), tokens.refreshToken());
    }

    @Override
    public String toString() {
        return "Session[tokens hidden]";
    }
}
