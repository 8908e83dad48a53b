package coffer.server.ledger;

/**
 * The free text a movement carries: the caller's reference, a description and metadata (JSON text),
 * each null when not given. Built by name ({@code Memo.reference(r).description(d)}), so two of them
 * cannot trade places unnoticed the way positional strings can.
 */
public final class Memo {
    /** No reference, description or metadata. */
    public static final Memo NONE = new Memo(null, null, null);

    private final String reference;
    private final String description;
    private final String metadata;

    private Memo(String reference, String description, String metadata) {
        this.reference = reference;
        this.description = description;
        this.metadata = metadata;
    }

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

    public String reference() {
        return reference;
    }

    public String description() {
        return description;
    }

    public String metadata() {
        return metadata;
    }
}
