package coffer.server.http;

import coffer.server.ledger.query.HistoryCursor;
import coffer.server.db.Keyset;
import coffer.server.json.Json;
import coffer.server.ledger.query.HistoryCursor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cursors of one paged list: the list's name, sealed into each cursor so that a cursor of one list is
 * refused by every other, and how the list's position is written as the cursor's text. Every paged list
 * of the API has its kind here, each with its own name.
 */
public final class CursorKind<T> {
    /** {@code /api/v1/transactions}: the position and the filters of the first page. */
    public static final CursorKind<HistoryCursor> HISTORY = json("history", HistoryCursor.class);
    /** {@code /api/v1/orders}. */
    public static final CursorKind<HistoryCursor> ORDERS = json("orders", HistoryCursor.class);
    /** The partner API's {@code /wallet/{env_id}/orders/{user_id}}. */
    public static final CursorKind<HistoryCursor> PARTNER_ORDERS = json("partner-orders", HistoryCursor.class);
    public static final CursorKind<Keyset> PAYMENTS = keyset("payments");
    public static final CursorKind<Keyset> TOPUPS = keyset("topups");
    public static final CursorKind<Keyset> WITHDRAWALS = keyset("withdrawals");
    public static final CursorKind<Keyset> SETTLEMENTS = keyset("settlements");
    /** The partner's webhook delivery log: the id of the page's last delivery. */
    public static final CursorKind<String> WEBHOOK_DELIVERIES = new CursorKind<>("webhook-deliveries", id -> id, id -> id);
    /**
     * {@code /api/v1/sync}: a commit number in ASCII digits. The app stores this cursor between runs, so its
     * text stays what it has always been: a stored cursor keeps working across an upgrade.
     */
    public static final CursorKind<Long> SYNC = new CursorKind<>("sync", String::valueOf, CursorKind::commit);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Pattern KEYSET = Pattern.compile("([0-9]{1,18}):(.+)", Pattern.DOTALL);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    final String name;
    private final Function<T, String> write;
    private final Function<String, T> read;

    private CursorKind(String name, Function<T, String> write, Function<String, T> read) {
        this.name = name;
        this.write = write;
        this.read = read;
    }

    /** The text of {@code position}: URL-safe, without {@code '.'}. */
    String write(T position) {
        return write.apply(Objects.requireNonNull(position, "position"));
    }

    /** What {@link #write} wrote; any other text throws. */
    T read(String text) {
        return Objects.requireNonNull(read.apply(text), "position");
    }

    private static CursorKind<Keyset> keyset(String name) {
        return new CursorKind<>(name, k -> base64(k.createdMillis() + ":" + k.id()), text -> {
            Matcher m = KEYSET.matcher(unbase64(text));
            if (!m.matches()) {
                throw new IllegalArgumentException("not a position");
            }
            return new Keyset(Long.parseLong(m.group(1)), m.group(2));
        });
    }

    private static <T> CursorKind<T> json(String name, Class<T> type) {
        // read as strictly as a request body, though only text this server sealed gets this far
        return new CursorKind<>(name, value -> base64(Json.gson().toJson(value)),
                text -> Json.gson().fromJson(Json.readRequest(unbase64(text)), type));
    }

    private static Long commit(String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException("not a commit number");
        }
        return Long.parseLong(text);
    }

    private static String base64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String text) {
        return new String(B64D.decode(text), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
