package coffer.server.ledger;

import coffer.core.money.Money;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a request under an idempotency key asked for, reduced to one value that is stored with the key:
 * equal requests give equal values, different requests different ones. The one encoding of every
 * surface (ledger tasks, payouts, top-ups).
 *
 * <p>Fields are written in order, each as a one-byte tag (0 null, 1 text, 2 number, 3 flag, 4 money) and its
 * value: text as a 4-byte count of UTF-16 code units and the code units (big-endian), a number as 8 bytes,
 * a flag as one, money as its currency's text and its minor units. No field's content can pass for a field
 * boundary, so {@code "a|b"} then {@code "c"} differs from {@code "a"} then {@code "b|c"}; null differs from
 * {@code ""} and from {@code "null"}; a lone surrogate differs from {@code "?"} (which a UTF-8 encoding would
 * make of it). The encoding is hashed with SHA-256 and stored as {@link #VERSION} and 64 hex digits; it must
 * never change, or stored values stop matching.
 *
 * <p>Values stored before fingerprints carried {@link #VERSION} joined the fields' text with a separator
 * (hashed or not; see {@link Legacy}), which let such pairs collide. {@link #matches} still compares a
 * value of that form the old way, so a client retrying within the key's lifetime a request it made before
 * the upgrade gets its replay rather than IDEMPOTENCY_KEY_REUSED; every value written now is versioned.
 */
public final class Fingerprint {
    /** What every value written by this encoding starts with; values without it are {@link Legacy}. */
    public static final String VERSION = "v2:";

    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int NUMBER = 2;
    private static final int FLAG = 3;
    private static final int MONEY = 4;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    private final DataOutputStream out = new DataOutputStream(bytes);
    /** Each field as the unversioned encoding wrote it, to recognise values stored before the upgrade. */
    private final List<String> legacyFields = new ArrayList<>();

    private Fingerprint() {
    }

    /** A fingerprint whose first field names what kind of request it is. */
    public static Fingerprint of(String kind) {
        return new Fingerprint().text(Objects.requireNonNull(kind, "kind"));
    }

    /** Adds a text field; null is a value of its own. */
    public Fingerprint text(String value) {
        write(() -> {
            if (value == null) {
                out.writeByte(NULL);
            } else {
                out.writeByte(TEXT);
                writeText(value);
            }
        });
        legacyFields.add(String.valueOf(value));
        return this;
    }

    /** Adds a constant's name; null is a value of its own. */
    public Fingerprint name(Enum<?> value) {
        return text(value == null ? null : value.name());
    }

    /** Adds a whole number. */
    public Fingerprint number(long value) {
        write(() -> {
            out.writeByte(NUMBER);
            out.writeLong(value);
        });
        legacyFields.add(Long.toString(value));
        return this;
    }

    /** Adds a yes/no field. */
    public Fingerprint flag(boolean value) {
        write(() -> {
            out.writeByte(FLAG);
            out.writeBoolean(value);
        });
        legacyFields.add(Boolean.toString(value));
        return this;
    }

    /** Adds an amount: its currency and minor units; null is a value of its own. */
    public Fingerprint money(Money amount) {
        write(() -> {
            if (amount == null) {
                out.writeByte(NULL);
            } else {
                out.writeByte(MONEY);
                writeText(amount.currencyCode());
                out.writeLong(amount.minor());
            }
        });
        legacyFields.add(String.valueOf(amount));
        return this;
    }

    /**
     * How the unversioned encoding wrote the field just added, where that was not the field's plain text
     * (an absent amount written as {@code all}). Changes nothing in the value written now.
     */
    public Fingerprint legacy(String text) {
        legacyFields.set(legacyFields.size() - 1, text);
        return this;
    }

    /** The value to store with the key: {@link #VERSION} and the SHA-256 of the encoding, in hex. */
    public String value() {
        return VERSION + sha256Hex(bytes.toByteArray());
    }

    /**
     * Whether {@code stored}, the value kept with a key, was made from the same request: compared with
     * {@link #value()}, or, for a value written before the upgrade, with this request encoded as
     * {@code form} encoded it then.
     */
    public boolean matches(String stored, Legacy form) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(VERSION)) {
            return stored.equals(value());
        }
        return stored.equals(form.render(legacyFields));
    }

    /** How each table stored fingerprints before they were versioned: read only, never written. */
    public enum Legacy {
        /** {@code idempotency_keys}: the fields joined by {@code |}, SHA-256, hex. */
        LEDGER("|", true),
        /** {@code payouts}: the fields joined by {@code |}, as text. */
        PAYOUTS("|", false),
        /** {@code topups}: the fields joined by a newline, SHA-256, hex. */
        TOPUPS("\n", true);

        private final String separator;
        private final boolean hashed;

        Legacy(String separator, boolean hashed) {
            this.separator = separator;
            this.hashed = hashed;
        }

        String render(List<String> fields) {
            String joined = String.join(separator, fields);
            return hashed ? sha256Hex(joined.getBytes(StandardCharsets.UTF_8)) : joined;
        }
    }

    private void writeText(String value) throws IOException {
        out.writeInt(value.length());
        out.writeChars(value);
    }

    private void write(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to grow", e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
