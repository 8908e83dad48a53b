package coffer.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Answers and records of a MockWebServer standing in for the Coffer server. */
public final class MockApi {
    /** What the sign-in endpoint answers. */
    public static final String TOKENS = "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":900}";

    private MockApi() {
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Every POST to {@code path} the server received so far, oldest first. */
    public static List<RecordedRequest> posts(MockWebServer server, String path) throws InterruptedException {
        List<RecordedRequest> posts = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r != null && r.getMethod().equals("POST") && r.getPath().equals(path)) {
                posts.add(r);
            }
        }
        return posts;
    }
}
