package coffer.server.redirect;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.json.RequestBodies;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Where the provider's pages may send a user's browser back to ({@code return_origins}, V14). A return
 * URL a user chose must be on Coffer's own origin or on one the environment's partner listed, so that
 * nobody can make Coffer's checkout end on a site of their choosing (an open redirect: a phishing link
 * that starts on Coffer's domain). A signed partner request, and the in-process Java library, are
 * trusted to name their own: they act for the environment that sets the list.
 */
public final class ReturnOrigins {
    /** The most origins one environment may list. */
    static final int MAX_ORIGINS = 50;
    static final int MAX_ORIGIN_LENGTH = 255;
    /** What {@code --demo} allows in the demo environment: the seed web app's address on a developer's machine. */
    static final List<String> DEMO = List.of("http://localhost:8000", "http://127.0.0.1:8000");

    private final Jdbc jdbc;
    private final Supplier<String> baseUrl;
    private final Clock clock;

    /** @param baseUrl the server's own base URL, whose origin is always allowed */
    public ReturnOrigins(Database database, Supplier<String> baseUrl, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A return URL that a user chose: an absolute http(s) URL without credentials, on this server's origin
     * or one the environment allows; otherwise INVALID_REQUEST naming {@code field}.
     */
    public URI userChosen(String envId, String text, String field) {
        URI url = partnerChosen(text, field);
        String origin = origin(url);
        if (!origin.equals(origin(URI.create(baseUrl.get()))) && list(envId).stream().noneMatch(origin::equals)) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' must be on one of the environment's allowed "
                    + "return origins (its partner lists them with PUT /api/v1/partner/return-origins) or on this server.",
                    Map.of("field", field));
        }
        return url;
    }

    /** A return URL that a trusted caller named: any absolute http(s) URL without credentials; else INVALID_REQUEST naming {@code field}. */
    public static URI partnerChosen(String text, String field) {
        URI url = RequestBodies.httpUrl(text, field);
        if (url.getRawUserInfo() != null) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' must not carry a user name or password.",
                    Map.of("field", field));
        }
        return url;
    }

    /** The environment's allowed origins, in order. */
    public List<String> list(String envId) {
        return jdbc.query("SELECT origin FROM return_origins WHERE env_id = ? ORDER BY origin", rs -> rs.getString(1), envId);
    }

    /** Replaces the environment's allowed origins; answers them as stored. INVALID_REQUEST naming {@code origins} for a bad one. */
    List<String> replace(String envId, List<String> origins) {
        if (origins == null || origins.size() > MAX_ORIGINS) {
            throw invalidOrigins("'origins' must be a list of at most " + MAX_ORIGINS + " origins.");
        }
        TreeSet<String> normal = new TreeSet<>();
        for (String o : origins) {
            normal.add(normalOrigin(o));
        }
        long now = clock.millis();
        jdbc.inTransaction(tx -> {
            tx.update("DELETE FROM return_origins WHERE env_id = ?", envId);
            for (String o : normal) {
                tx.update("INSERT INTO return_origins (env_id, origin, created_at) VALUES (?, ?, ?)", envId, o, now);
            }
            return null;
        });
        return List.copyOf(normal);
    }

    /** Allows the demo origins in {@code envId}; repeating it changes nothing. */
    public void seedDemo(String envId) {
        for (String o : DEMO) {
            jdbc.update("INSERT INTO return_origins (env_id, origin, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    envId, o, clock.millis());
        }
    }

    /** An origin as a partner writes it ({@code https://shop.example}, {@code http://localhost:8000}), normalised. */
    private static String normalOrigin(String text) {
        URI uri = null;
        try {
            uri = text == null || text.length() > MAX_ORIGIN_LENGTH ? null : new URI(text.strip());
        } catch (URISyntaxException e) {
            // answered below
        }
        boolean web = uri != null && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        if (!web || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw invalidOrigins("Each of 'origins' must be a scheme, a host and an optional port, such as https://shop.example "
                    + "or http://localhost:8000, without a path; '" + abbreviate(text) + "' is not.");
        }
        return origin(uri);
    }

    /** The origin of an absolute http(s) URL: lower-case scheme and host, and the port unless it is the scheme's default. */
    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || port == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static CofferException invalidOrigins(String message) {
        return new CofferException(ErrorCode.INVALID_REQUEST, message, Map.of("field", "origins"));
    }
}
