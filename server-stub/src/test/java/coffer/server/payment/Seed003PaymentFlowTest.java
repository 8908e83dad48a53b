package coffer.server.payment;

import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's "Payment Processing Flow", step by step, against a fresh demo server. */
class Seed003PaymentFlowTest {
    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(server.verify().violations()).isEmpty();
        server.close();
    }

    @Test
    void alicePaysBobOneHundredAndBothBalancesShowIt() throws Exception {
        Caller alice = server.login("alice@example.com");
        String wallet = alice.firstWalletId();

        // 1. check sender balance
        assertThat(Caller.json(alice.get("/api/v1/accounts/" + wallet)).getAsJsonObject("account").get("balance").getAsString())
                .isEqualTo("1000.00");

        // 2. create the payment exactly as the seed's client sends it
        HttpResponse<String> created = alice.post("/api/v1/payments", """
                {"amount": 100.0, "currency": "USD", "source_wallet_id": "%s", "destination": "bob@example.com",
                 "description": "Dinner payment", "metadata": {"occasion": "birthday_dinner", "participants": 4}}
                """.formatted(wallet));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject payment = Caller.json(created);
        String id = payment.get("payment_id").getAsString();
        assertThat(id).startsWith("pmt_");
        assertThat(payment.get("status").getAsString()).isEqualTo("pending");

        // 3. monitor the status until it is final; every status seen is one of the seed's
        List<String> seen = new ArrayList<>();
        JsonObject status;
        do {
            status = Caller.json(alice.get("/api/v1/payments/" + id));
            seen.add(status.get("status").getAsString());
        } while (!List.of("completed", "failed").contains(seen.get(seen.size() - 1)) && seen.size() < 2_000);
        assertThat(seen).allMatch(s -> List.of("pending", "processing", "completed").contains(s));

        // 4. final status
        assertThat(status.get("status").getAsString()).isEqualTo("completed");
        assertThat(status.get("transaction_id").getAsString()).startsWith("txn_");
        assertThat(status.get("completed_at").getAsString()).endsWith("Z");
        assertThat(status.get("amount").getAsString()).isEqualTo("100.00");
        assertThat(status.get("currency").getAsString()).isEqualTo("USD");
        assertThat(status.has("failure_reason")).isFalse();
        assertThat(status.getAsJsonObject("metadata").get("participants").toString()).isEqualTo("4");
        assertThat(status.getAsJsonObject("metadata").get("occasion").getAsString()).isEqualTo("birthday_dinner");

        // 5. balances
        assertThat(Payers.balance(alice)).isEqualTo("900.00");
        assertThat(Payers.balance(server.login("bob@example.com"))).isEqualTo("1100.00");
    }
}
