package coffer.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a newest-first page of rows ended (the last row's creation time and id), handed to the client as
 * opaque URL-safe text for its {@code ?cursor=}. A cursor is client data: anything but what {@link #encode}
 * wrote (the time in ASCII digits, not any digit {@code Long.parseLong} would read) is INVALID_REQUEST.
 */
public record PageCursor(long createdMillis, String id) {
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,18}):(.+)", Pattern.DOTALL);

    /** The cursor after a row created at {@code createdAt} with {@code id}. */
    public static PageCursor after(Instant createdAt, String id) {
        return new PageCursor(createdAt.toEpochMilli(), id);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdMillis + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} names, or INVALID_REQUEST naming the {@code cursor} parameter. */
    public static PageCursor decode(String cursor) {
        Matcher m;
        try {
            m = TEXT.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!m.matches()) {
            throw invalid();
        }
        return new PageCursor(Long.parseLong(m.group(1)), m.group(2));
    }

    private static RuntimeException invalid() {
        return QueryParams.invalid("cursor", "'cursor' is not one this server gave out; start again from the first page.");
    }
}
