package coffer.server.ledger;

/**
 * The free text a movement carries: the caller's reference, a description and metadata (JSON text),
 * each null when not given. Callers build it by name ({@code Memo.reference(r).withDescription(d)}),
 * so that a reference and a description cannot trade places unnoticed the way positional strings can.
 */
public record Memo(String reference, String description, String metadata) {
    /** No reference, description or metadata. */
    public static final Memo NONE = new Memo(null, null, null);

    public static Memo reference(String reference) {
        return NONE.withReference(reference);
    }

    public static Memo description(String description) {
        return NONE.withDescription(description);
    }

    public Memo withReference(String value) {
        return new Memo(value, description, metadata);
    }

    public Memo withDescription(String value) {
        return new Memo(reference, value, metadata);
    }

    public Memo withMetadata(String value) {
        return new Memo(reference, description, value);
    }
}
