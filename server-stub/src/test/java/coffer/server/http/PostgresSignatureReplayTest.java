package coffer.server.http;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.server.CofferServer;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.Concurrently;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one PostgreSQL database: a signature used at one is used at both, so a
 * captured request replayed to the other server is refused, and money moves once.
 */
class PostgresSignatureReplayTest {
    @Test
    @Timeout(180)
    void aSignatureUsedAtOneServerIsRefusedAtTheOther() throws Exception {
        CofferServer.Options options = new CofferServer.Options(0, TestDatabases.postgres(), true).withSettings(TestServer.settings());
        try (CofferServer a = CofferServer.start(options); CofferServer b = CofferServer.start(options)) {
            LedgerService ledger = a.ledger();
            String wallet = ledger.wallets(DemoData.ENV_ID,
                    new Tenants(ledger).userByExternalId(new EnvId(DemoData.ENV_ID), DemoData.PARTNER_USER_ID).orElseThrow().id()).get(0).id();
            long before = posted(a, wallet);
            SignedRequest payIn = SignedRequest.now("POST", "/v1/payIns",
                    "{\"walletIdTo\":\"" + wallet + "\",\"amount\":321,\"currency\":\"USD\"}");

            HttpResponse<String> first = payIn.send(a, "pg-1");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(payIn.send(b, "pg-2").statusCode()).isEqualTo(401);
            assertThat(payIn.send(b, null).statusCode()).isEqualTo(401);
            HttpResponse<String> retried = payIn.send(b, "pg-1");
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
            assertThat(retried.headers().firstValue(Requests.REPLAYED)).contains("true");
            assertThat(Caller.json(retried).get("id")).isEqualTo(Caller.json(first).get("id"));
            assertThat(posted(b, wallet)).as("moved once").isEqualTo(before + 321);

            SignedRequest read = SignedRequest.now("GET", "/v1/payIns/" + Caller.json(first).get("id").getAsString(), "");
            assertThat(read.send(a, null).statusCode()).isEqualTo(200);
            assertThat(read.send(b, null).statusCode()).isEqualTo(401);

            SignedRequest burst = SignedRequest.now("POST", "/v1/payIns",
                    "{\"walletIdTo\":\"" + wallet + "\",\"amount\":5,\"currency\":\"USD\"}");
            List<Integer> statuses = Concurrently.run(8, i -> burst.send(i % 2 == 0 ? a : b, "burst-" + i).statusCode());
            assertThat(statuses).containsOnly(201, 401).filteredOn(s -> s == 201).hasSize(1);
            assertThat(posted(a, wallet)).isEqualTo(before + 321 + 5);
            assertThat(a.ledger().verifyInvariants().violations()).isEmpty();
        }
    }

    private static long posted(CofferServer server, String wallet) {
        return server.ledger().wallet(DemoData.ENV_ID, wallet).orElseThrow().balance().posted();
    }
}
