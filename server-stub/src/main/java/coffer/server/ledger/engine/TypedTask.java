package coffer.server.ledger.engine;

import java.util.Objects;

/** A task whose type of success is named once, at construction: the part of {@link LedgerTask} every task repeats. */
public abstract class TypedTask<T> implements LedgerTask<T> {
    private final Class<T> resultType;

    protected TypedTask(Class<T> resultType) {
        this.resultType = Objects.requireNonNull(resultType, "resultType");
    }

    @Override
    public final Class<T> resultType() {
        return resultType;
    }
}
