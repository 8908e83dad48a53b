package coffer.server.http;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value made at its first use, once, whichever thread asks first. For the server's outgoing HTTP
 * clients: building one loads the JDK's TLS stack and its trusted certificates (several hundred classes),
 * which a start does not need before its first outgoing call.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> make;
    private volatile T value;

    private Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> make) {
        return new Lazy<>(make);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(make.get(), "made nothing");
                    value = v;
                }
            }
        }
        return v;
    }

    /** Hands the value to {@code use} if it was made, without making it (for closing what was opened). */
    public void ifMade(Consumer<? super T> use) {
        T v;
        synchronized (this) {
            v = value;
        }
        if (v != null) {
            use.accept(v);
        }
    }
}
