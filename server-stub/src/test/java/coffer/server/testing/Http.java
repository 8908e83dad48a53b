package coffer.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for tests against a running server; every exchange is checked against the API's contract. */
public final class Http {
    /**
     * One client per test server: a connection pooled to a stopped server could otherwise be picked for a
     * request to a later server that got the same port, and a method the JDK client does not retry (DELETE,
     * PUT, PATCH, POST) would fail with "header parser received no bytes".
     */
    private static volatile HttpClient client = newClient();

    /** Bodies at least this big are retried when the connection is reset under them. */
    public static final int LARGE_BODY = 64 * 1024;

    private Http() {
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Drops every pooled connection; called when a test server stops. */
    public static void forgetConnections() {
        client = newClient();
    }

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static HttpResponse<String> post(String url, String json) {
        return postJson(HttpRequest.newBuilder(URI.create(url)), json);
    }

    /**
     * Sends {@code json} as a POST. A server refuses an oversized body from its headers and closes the
     * connection while the client may still be writing; the client then sometimes sees the connection
     * reset instead of the 413. A real client retries, and so does this one, for large bodies only.
     */
    public static HttpResponse<String> postJson(HttpRequest.Builder request, String json) {
        HttpRequest.Builder post = request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int attempt = 1; ; attempt++) {
            try {
                return send(post.copy());
            } catch (UncheckedIOException e) {
                if (json.length() < LARGE_BODY || attempt == OVERSIZED_ATTEMPTS) {
                    throw e;
                }
                pause();
            }
        }
    }

    /**
     * How often an oversized POST is tried: the reset happens on a good share of attempts on a busy
     * machine (a suite sends such a body to every body-taking route), so a few tries are not enough.
     */
    private static final int OVERSIZED_ATTEMPTS = 20;

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request}; the exchange is then held to {@code /openapi.json} ({@link Contract}). */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        Contract.check(response.request(), response);
        return response;
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
