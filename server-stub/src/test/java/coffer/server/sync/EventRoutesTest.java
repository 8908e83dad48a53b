package coffer.server.sync;

import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventRoutesTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One server-sent event: its name and data. */
    record Event(String name, String data) {
    }

    /** What {@link #listen} puts last in the queue when the server ends the stream. */
    static final Event END = new Event("<end of stream>", "");

    /** Reads the stream on its own thread into a queue of events until the stream ends ({@link #END}). */
    static BlockingQueue<Event> listen(Stream<String> lines) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            String name = null;
            StringBuilder payload = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    payload.append(line.substring(5).strip());
                } else if (line.isEmpty() && name != null) {
                    events.add(new Event(name, payload.toString()));
                    name = null;
                    payload.setLength(0);
                }
            }
            events.add(END);
        }, "test-event-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    static long seq(Event e) {
        return com.google.gson.JsonParser.parseString(e.data()).getAsJsonObject().get("seq").getAsLong();
    }

    @Test
    void aConnectedClientHearsOfAPaymentToItAndNotOfOthersPayments() throws Exception {
        User ivy = TestUsers.funded(server, "ivy", "0.00");
        User jack = TestUsers.funded(server, "jack", "20.00");
        User kim = TestUsers.funded(server, "kim", "20.00");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.send(ivy.caller().request("/api/v1/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            BlockingQueue<Event> events = listen(lines);

            Event ready = events.poll(30, TimeUnit.SECONDS);
            assertThat(ready).isNotNull();
            assertThat(ready.name()).isEqualTo("ready");

            TestUsers.p2p(server, jack, kim, "1.00", "not for ivy");
            long othersDone = server.server().ledger().lastCommit();
            TestUsers.p2p(server, jack, ivy, "2.00", "for ivy");

            Event changed = events.poll(30, TimeUnit.SECONDS);
            assertThat(changed).isNotNull();
            assertThat(changed.name()).isEqualTo("changed");
            assertThat(seq(changed)).isGreaterThan(othersDone).isGreaterThan(seq(ready));

            HttpResponse<String> sync = ivy.caller().get("/api/v1/sync");
            JsonObject page = Caller.json(sync);
            assertThat(page.has("seq")).as(sync.body()).isTrue();
            assertThat(page.get("seq").getAsLong()).isGreaterThanOrEqualTo(seq(changed));
        }
    }

    @Test
    void everyMemberOfAnOrganizationHearsOfAMovementOfItsWallet() throws Exception {
        User owner = TestUsers.funded(server, "olga", "0.00");
        User viewer = TestUsers.funded(server, "vic", "0.00");
        User outsider = TestUsers.funded(server, "otto", "0.00");
        User payer = TestUsers.funded(server, "pat", "20.00");
        HttpResponse<String> created = owner.caller().post("/api/v1/organizations", "{\"name\":\"Olga's\",\"currency\":\"USD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject body = Caller.json(created);
        String org = body.getAsJsonObject("organization").get("id").getAsString();
        String orgWallet = body.getAsJsonObject("account").get("id").getAsString();
        assertThat(owner.caller().post("/api/v1/organizations/" + org + "/members",
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
        HttpClient client = HttpClient.newHttpClient();
        BlockingQueue<Event> viewers = open(viewer.caller(), client);
        BlockingQueue<Event> outsiders = open(outsider.caller(), client);
        long before = server.server().ledger().lastCommit();

        TestUsers.p2p(server, payer, new User(payer.caller(), org, null, orgWallet), "3.00", "for the organization");

        Event changed = viewers.poll(30, TimeUnit.SECONDS);
        assertThat(changed).isNotNull();
        assertThat(changed.name()).isEqualTo("changed");
        assertThat(seq(changed)).isGreaterThan(before);
        assertThat(Caller.json(viewer.caller().get("/api/v1/sync")).toString()).contains("for the organization");
        // someone who is no member hears nothing of it (a later change of their own comes first)
        TestUsers.p2p(server, payer, outsider, "1.00", "for otto");
        Event outsiders1 = outsiders.poll(30, TimeUnit.SECONDS);
        assertThat(outsiders1).isNotNull();
        assertThat(seq(outsiders1)).isGreaterThan(seq(changed));
    }

    private static BlockingQueue<Event> open(Caller caller, HttpClient client) throws Exception {
        HttpResponse<Stream<String>> response = client.send(caller.request("/api/v1/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<Event> events = listen(response.body());
        assertThat(events.poll(30, TimeUnit.SECONDS)).extracting(Event::name).isEqualTo("ready");
        return events;
    }

    /** The next event other than a {@code changed}, within {@code seconds}; null if none came. */
    private static Event nextNotChanged(BlockingQueue<Event> events, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Event e; (e = events.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (!e.name().equals("changed")) {
                return e;
            }
        }
        return null;
    }

    @Test
    void signingOutEndsTheStreamAtOnceAndItHearsNothingMore() throws Exception {
        User lee = TestUsers.funded(server, "lee", "0.00");
        User mo = TestUsers.funded(server, "mo", "20.00");
        HttpClient client = HttpClient.newHttpClient();
        BlockingQueue<Event> events = open(lee.caller(), client);

        assertThat(lee.caller().post("/api/v1/auth/logout", "").statusCode()).isEqualTo(204);
        assertThat(nextNotChanged(events, 5)).isEqualTo(END);
        TestUsers.p2p(server, mo, lee, "2.00", "after sign-out");
        Thread.sleep(300);
        assertThat(events).isEmpty();
    }

    @Test
    void aSessionEndedElsewhereEndsItsStreamAtTheNextKeepAlive() throws Exception {
        User noa = TestUsers.funded(server, "noa", "0.00");
        HttpClient client = HttpClient.newHttpClient();
        BlockingQueue<Event> events = open(noa.caller(), client);

        // another server process on the same database signs the session out: this one only sees the table
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                coffer.server.db.DatabaseConfig.sqlite(data).jdbcUrl());
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE sessions SET revoked_at = ? WHERE user_id = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, noa.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(nextNotChanged(events, (int) EventRoutes.KEEP_ALIVE.toSeconds() + 10)).isEqualTo(END);
    }
}
