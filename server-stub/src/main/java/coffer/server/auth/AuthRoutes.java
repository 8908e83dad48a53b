package coffer.server.auth;

import coffer.server.ledger.UserId;
import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.server.http.Access;
import coffer.server.http.RateLimited;
import coffer.server.http.NoRateLimit;
import coffer.core.api.AuthTypes.LoginRequest;
import coffer.core.api.AuthTypes.RefreshRequest;
import coffer.core.api.AuthTypes.RegisterRequest;
import coffer.core.api.AuthTypes.TokenResponse;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.http.HttpApi;
import coffer.server.http.PartnerSignatures;
import coffer.server.http.Requests;
import coffer.server.tenant.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/auth/...}: register, login, refresh, logout, and a partner minting a token for one
 * of its users with a signed request.
 */
public final class AuthRoutes implements HttpApi.Routes {
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 256;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{1,63}");

    /** {@code POST /api/v1/auth/partner-token}: which user of the signing partner's environment. */
    record PartnerTokenRequest(String envId, String userId) {
    }


    private final Tenants tenants;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final String userEnvironment;
    private final PartnerSignatures signatures;

    public AuthRoutes(Tenants tenants, PasswordHasher passwords, TokenService tokens, String userEnvironment,
                      PartnerSignatures signatures) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.passwords = passwords;
        this.tokens = tokens;
        this.userEnvironment = userEnvironment;
        this.signatures = signatures;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/register", this::registerUser, Access.PUBLIC, RateLimited.SIGN_IN);
        routes.post("/api/v1/auth/login", this::login, Access.PUBLIC, RateLimited.SIGN_IN);
        routes.post("/api/v1/auth/refresh", this::refresh, Access.PUBLIC, RateLimited.SIGN_IN);
        routes.post("/api/v1/auth/logout", this::logout, NoRateLimit.because("ends the caller's own session"));
        routes.post("/api/v1/auth/partner-token", this::partnerToken, Access.SIGNED, RateLimited.PARTNER);
    }

    private void registerUser(Context ctx) {
        RegisterRequest r = Requests.body(ctx, RegisterRequest.class);
        String email = email(r.email());
        String password = Requests.required(r.password(), "password");
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "The password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.", Map.of("field", "password"));
        }
        String name = r.name() == null || r.name().isBlank() ? email.substring(0, email.indexOf('@')) : r.name().strip();
        User user = tenants.registerUser(new EnvId(userEnvironment), email, name, passwords.hash(password)).orThrow();
        ctx.status(201).json(response(tokens.issue(user.envId(), user.id())));
    }

    private void login(Context ctx) {
        LoginRequest r = Requests.body(ctx, LoginRequest.class);
        String email = email(r.email());
        String password = Requests.required(r.password(), "password");
        Optional<User> user = tenants.userByEmail(new EnvId(userEnvironment), email);
        String hash = user.flatMap(u -> tenants.passwordHash(new EnvId(u.envId()), new UserId(u.id()))).orElse(passwords.decoyHash());
        if (!passwords.matches(password, hash) || user.isEmpty()) {
            throw new CofferException(ErrorCode.UNAUTHORIZED, "The email or password is wrong.");
        }
        ctx.json(response(tokens.issue(user.get().envId(), user.get().id())));
    }

    private void refresh(Context ctx) {
        RefreshRequest r = Requests.body(ctx, RefreshRequest.class);
        ctx.json(response(tokens.refresh(Requests.required(r.refreshToken(), "refresh_token")).orThrow()));
    }

    private void logout(Context ctx) {
        tokens.logout(Requests.principal(ctx));
        ctx.status(204);
    }

    private void partnerToken(Context ctx) {
        PartnerTokenRequest r = Requests.body(ctx, PartnerTokenRequest.class);
        String envId = Requests.required(r.envId(), "env_id");
        String userId = Requests.required(r.userId(), "user_id");
        signatures.require(ctx, envId);
        EnvId env = new EnvId(envId);
        User user = tenants.userByExternalId(env, userId).or(() -> tenants.user(env, new UserId(userId)))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "No user " + userId + " in environment " + envId,
                        Map.of("user_id", userId)));
        ctx.json(response(tokens.issue(envId, user.id())));
    }

    private static String email(String raw) {
        String email = Requests.required(raw, "email").strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + raw + "' is not an email address.", Map.of("field", "email"));
        }
        return email;
    }

    private static TokenResponse response(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.refreshToken(), pair.expiresIn());
    }
}
