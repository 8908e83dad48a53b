package coffer.server.http;

import coffer.server.ledger.UserId;
import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.server.CofferServer;
import coffer.server.auth.PasswordHasher;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CofferServerTest {
    @TempDir
    Path data;

    private CofferServer start(boolean demo) {
        return CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(data), demo));
    }

    @Test
    void healthAnswersOkWithVersionAndDatabase() {
        try (CofferServer server = start(false)) {
            HttpResponse<String> r = Http.get(server.baseUrl() + "/health");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"database\":\"sqlite\"").contains("\"version\":\"");
        }
    }

    @Test
    void unknownRouteIsA404WithTheSharedErrorShape() {
        try (CofferServer server = start(false)) {
            HttpResponse<String> r = Http.get(server.baseUrl() + "/no/such/thing");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).startsWith("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"");
        }
    }

    @Test
    void demoDataIsSeededOnceAcrossRestarts() {
        try (CofferServer server = start(true)) {
            assertThat(demoBalances(server.ledger())).containsExactly("1000.00", "1000.00", "1000.00");
        }
        try (CofferServer server = start(true)) {
            assertThat(demoBalances(server.ledger())).containsExactly("1000.00", "1000.00", "1000.00");
            assertThat(new Tenants(server.ledger()).environment(new EnvId(DemoData.ENV_ID))).isPresent();
            assertThat(new Tenants(server.ledger()).secrets(new EnvId(DemoData.ENV_ID))).containsExactly(DemoData.ENV_SECRET);
            assertThat(new Tenants(server.ledger()).userByExternalId(new EnvId(DemoData.ENV_ID), DemoData.PARTNER_USER_ID)).isPresent();
        }
    }

    @Test
    void demoUsersCanBeCheckedAgainstTheDemoPassword() {
        try (CofferServer server = start(true)) {
            LedgerService ledger = server.ledger();
            String alice = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow().id();
            String hash = new Tenants(ledger).passwordHash(new EnvId(DemoData.ENV_ID), new UserId(alice)).orElseThrow();
            assertThat(hash).startsWith("$argon2id$");
            assertThat(PasswordHasher.standard().matches(DemoData.PASSWORD, hash)).isTrue();
            assertThat(PasswordHasher.standard().matches("wrong-password", hash)).isFalse();
        }
    }

    private static List<String> demoBalances(LedgerService ledger) {
        return Stream.concat(
                        new Tenants(ledger).userByExternalId(new EnvId(DemoData.ENV_ID), DemoData.PARTNER_USER_ID).stream(),
                        DemoData.EMAILS.stream().map(e -> new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), e).orElseThrow()))
                .flatMap(u -> ledger.wallets(DemoData.ENV_ID, u.id()).stream())
                .map(WalletSnapshot::balance)
                .map(b -> b.postedMoney().toDecimalString())
                .toList();
    }
}
