package coffer.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of an operation whose refusals are expected (insufficient funds, a limit, a locked
 * wallet): either {@link Ok} with a value or {@link Rejected} with an {@link ErrorCode}. Exceptions
 * stay for bugs and I/O.
 *
 * @param <T> the value of a success
 */
public sealed interface Result<T> permits Result.Ok, Result.Rejected {

    /** A success carrying {@code value} (never null). */
    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A refusal with the code's default message. */
    static <T> Result<T> rejected(ErrorCode code) {
        return new Rejected<>(code, code.defaultMessage(), Map.of());
    }

    /** A refusal with a specific message. */
    static <T> Result<T> rejected(ErrorCode code, String message) {
        return new Rejected<>(code, message, Map.of());
    }

    /** A refusal with a specific message and context. */
    static <T> Result<T> rejected(ErrorCode code, String message, Map<String, String> context) {
        return new Rejected<>(code, message, context);
    }

    /** True for {@link Ok}. */
    boolean isOk();

    /** The value of an {@link Ok}; throws the refusal as a {@link CofferException} otherwise. */
    T orThrow();

    /** The code of a {@link Rejected}, or null for {@link Ok}. */
    ErrorCode errorCode();

    /** Applies {@code f} to a success; passes a refusal through unchanged. */
    <U> Result<U> map(Function<? super T, ? extends U> f);

    /** Chains a further step after a success; passes a refusal through unchanged. */
    <U> Result<U> flatMap(Function<? super T, Result<U>> f);

    /**
     * This refusal as a result of another type, to pass it on unchanged.
     *
     * @throws IllegalStateException on an {@link Ok}
     */
    <U> Result<U> asRejected();

    /** A success. */
    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override public boolean isOk() { return true; }
        @Override public T orThrow() { return value; }
        @Override public ErrorCode errorCode() { return null; }
        @Override public <U> Result<U> map(Function<? super T, ? extends U> f) { return new Ok<>(f.apply(value)); }
        @Override public <U> Result<U> flatMap(Function<? super T, Result<U>> f) { return f.apply(value); }
        @Override public <U> Result<U> asRejected() { throw new IllegalStateException("not a refusal: " + value); }
    }

    /** A refusal with its code, a human message and context (never null). */
    record Rejected<T>(ErrorCode code, String message, Map<String, String> context) implements Result<T> {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
        }

        @Override public boolean isOk() { return false; }
        @Override public T orThrow() { throw new CofferException(code, message, context); }
        @Override public ErrorCode errorCode() { return code; }

        @Override
        public <U> Result<U> map(Function<? super T, ? extends U> f) {
            return new Rejected<>(code, message, context);
        }

        @Override
        public <U> Result<U> flatMap(Function<? super T, Result<U>> f) {
            return new Rejected<>(code, message, context);
        }

        @Override
        public <U> Result<U> asRejected() {
            return new Rejected<>(code, message, context);
        }
    }
}
