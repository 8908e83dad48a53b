package coffer.server.testing;

import coffer.server.openapi.ContractCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.ByteArrayOutputStream;

/**
 * Every exchange the tests send through {@link Http} is held to {@code /openapi.json} ({@link ContractCheck}):
 * a request or answer the document does not describe fails the test that made it, naming the operation
 * and the mismatch, so the document cannot drift from what the server does.
 *
 * <p>Only the tests in {@link #OUTSIDE} are not held to it, each for the reason given there. With
 * {@code -Dcoffer.contract=report}, mismatches are written to {@code target/contract-mismatches.txt}
 * instead of failing (for surveying a change that moves many answers at once).
 */
public final class Contract {
    /** Test classes whose exchanges are deliberately outside the contract, and why. */
    static final Map<String, String> OUTSIDE = Map.of(
            "coffer.server.http.JettyErrorsTest", "sends request targets Jetty refuses before any route is matched "
                    + "(bad UTF-8, ambiguous segments, a target too long): no operation of the document is reached");

    /** The reason the exchanges this thread sends now are outside the contract; null when they are not. */
    private static final ThreadLocal<String> outsideNow = new ThreadLocal<>();

    /**
     * Sends what {@code exchanges} sends without holding it to the contract, for a request that is off the
     * contract on purpose; {@code reason} says why, where the exception is made.
     */
    public static <T> T outside(String reason, java.util.function.Supplier<T> exchanges) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exchange outside the contract needs its reason");
        }
        outsideNow.set(reason);
        try {
            return exchanges.get();
        } finally {
            outsideNow.remove();
        }
    }

    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("coffer.contract"));
    private static final AtomicInteger outside = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write("contract-exchanges.txt",
                "exchanges checked against openapi.json: " + ContractCheck.shared().checked()
                        + "; outside the contract: " + outside.get() + System.lineSeparator())));
    }

    private Contract() {
    }

    /** Checks one exchange; throws {@link AssertionError} listing what the document does not describe. */
    static void check(HttpRequest request, HttpResponse<String> response) {
        Optional<String> excluded = excludedBy();
        if (excluded.isPresent()) {
            outside.incrementAndGet();
            return;
        }
        ContractCheck.Exchange exchange = new ContractCheck.Exchange(request.method(), request.uri(),
                request.headers().map(), body(request), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        List<String> mismatches = ContractCheck.shared().mismatches(exchange);
        if (REPORT_ONLY) {
            sample(exchange);
        }
        if (mismatches.isEmpty()) {
            return;
        }
        String report = "the exchange does not match openapi.json (fix the fragment in src/main/resources/openapi/, "
                + "or the server if it is wrong):\n  " + String.join("\n  ", mismatches);
        if (REPORT_ONLY) {
            write("contract-mismatches.txt", String.join(System.lineSeparator(), mismatches) + System.lineSeparator());
            return;
        }
        throw new AssertionError(report);
    }

    private static final java.util.Set<String> sampled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** In report mode, the first exchange of each operation and status, as a source of the fragments' examples. */
    private static void sample(ContractCheck.Exchange exchange) {
        ContractCheck.shared().operation(exchange).ifPresent(op -> {
            if (sampled.add(op + " " + exchange.status())) {
                com.google.gson.JsonObject line = new com.google.gson.JsonObject();
                line.addProperty("operation", op);
                line.addProperty("status", exchange.status());
                line.addProperty("request", exchange.requestBody());
                line.addProperty("response_type", exchange.responseContentType());
                line.addProperty("response", exchange.responseBody() == null || exchange.responseBody().length() > 20_000
                        ? null : exchange.responseBody());
                write("contract-samples.jsonl", line + System.lineSeparator());
            }
        });
    }

    /** The reason of the first test class on the stack that is outside the contract, if any. */
    private static Optional<String> excludedBy() {
        if (outsideNow.get() != null) {
            return Optional.of(outsideNow.get());
        }
        return StackWalker.getInstance().walk(frames -> frames
                .map(f -> {
                    String name = f.getClassName();
                    int nested = name.indexOf('$');
                    return OUTSIDE.get(nested < 0 ? name : name.substring(0, nested));
                })
                .filter(reason -> reason != null)
                .findFirst());
    }

    /** The request's body as text: the JDK's publishers of a string or bytes hand it over again to each subscriber. */
    private static String body(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<String> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        });
        try {
            return done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read back the request body of " + request.method() + " " + request.uri(), e);
        }
    }

    private static synchronized void write(String file, String text) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
