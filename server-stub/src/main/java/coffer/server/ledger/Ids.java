package coffer.server.ledger;

import java.security.SecureRandom;

/**
 * New ids: a prefix naming the kind of thing ({@code wal}, {@code txn}, ...) and 26 characters of
 * Crockford base32 — 48 bits of milliseconds then 80 random bits — so ids sort roughly by creation
 * time (index-friendly) and cannot be guessed.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** The prefix of an organization's id: a holder whose members act for it. */
    public static final String ORGANIZATION = "org";

    /** Whether {@code holderId} names an organization (null names none). */
    public static boolean isOrganization(String holderId) {
        return holderId != null && holderId.startsWith(ORGANIZATION + "_");
    }

    /** A new id such as {@code txn_01JD4Q2W8M3N5P7R9T1V3X5Z7B}. */
    public static String next(String prefix) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long time = System.currentTimeMillis();
        char[] out = new char[26];
        // 10 characters of time (50 bits, top 2 always zero for the next few thousand years)
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 16 characters of randomness, 5 bits each from the 80 random bits
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}
