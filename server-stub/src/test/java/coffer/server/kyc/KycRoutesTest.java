package coffer.server.kyc;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.money.Money;
import coffer.server.ledger.AuditEntry;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.Http;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code /api/v1/kyc} with the verifier deciding at once. */
class KycRoutesTest {
    private static final AtomicInteger USERS = new AtomicInteger();

    @RegisterExtension
    static final ServerExtension server = new ServerExtension();

    static String submission(String documentNumber) {
        return submission("1990-04-23", documentNumber);
    }

    static String submission(String dateOfBirth, String documentNumber) {
        return "{\"full_name\":\"Dora Example\",\"date_of_birth\":\"" + dateOfBirth + "\",\"country\":\"DE\","
                + "\"document_type\":\"passport\",\"document_number\":\"" + documentNumber + "\"}";
    }

    /** Reads {@code GET /api/v1/kyc} until the verifier has decided. */
    static JsonObject decided(Caller caller) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonObject kyc = Caller.json(caller.get("/api/v1/kyc"));
            if (!kyc.get("status").getAsString().equals("pending")) {
                return kyc;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the verifier did not decide within 5 s");
    }

    private static Caller newUser() {
        return server.get().register("kyc" + USERS.incrementAndGet() + "@example.com");
    }

    @Test
    void aVerifiedUserSeesTier1LimitsInTheirWalletsCurrency() {
        assertKyc(server.get().login("alice@example.com"), """
                {"status":"verified","tier":1,"currency":"USD",
                 "limits":{"per_transaction":"2000.00","daily":"5000.00","max_balance":"20000.00"},
                 "remaining_today":"5000.00"}""");
    }

    @Test
    void anUnverifiedUserWithoutAWalletSeesTier0LimitsInUsd() {
        assertKyc(newUser(), """
                {"status":"unverified","tier":0,"currency":"USD",
                 "limits":{"per_transaction":"100.00","daily":"250.00","max_balance":"500.00"},
                 "remaining_today":"250.00"}""");
    }

    private static void assertKyc(Caller caller, String expected) {
        HttpResponse<String> r = caller.get("/api/v1/kyc");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Caller.json(r)).isEqualTo(JsonParser.parseString(expected));
    }

    @Test
    void limitsCanBeAskedForInAnotherCurrency() {
        JsonObject kyc = Caller.json(server.get().login("bob@example.com").get("/api/v1/kyc?currency=JPY"));

        assertThat(kyc.get("currency").getAsString()).isEqualTo("JPY");
        assertThat(kyc.getAsJsonObject("limits").get("per_transaction").getAsString()).isEqualTo("2000");
        assertThat(kyc.get("remaining_today").getAsString()).isEqualTo("5000");
    }

    @Test
    void whatIsLeftTodayIsTheHoldersOverAllItsWallets() {
        String email = "kyc" + USERS.incrementAndGet() + "@example.com";
        Caller carol = server.get().register(email);
        LedgerService ledger = server.get().server().ledger();
        List<String> wallets = new java.util.ArrayList<>();
        for (String body : List.of("{\"currency\":\"USD\"}", "{\"currency\":\"USD\",\"additional\":true}")) {
            String wallet = Caller.json(carol.post("/api/v1/accounts", body)).getAsJsonObject("account").get("id").getAsString();
            ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet), Money.parse("125.00",
                    "USD"), Memo.description("funds")), null).orThrow();
            wallets.add(wallet);
        }
        ledger.pay(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(userId(email)),
                new WalletId(wallets.get(0)), Money.parse("100.00", "USD"), Memo.NONE), null).orThrow();
        ledger.pay(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(userId(email)),
                new WalletId(wallets.get(1)), Money.parse("50.00", "USD"), Memo.NONE), null).orThrow();

        // tier 0 sends 250.00 a day from all of its wallets together
        assertKyc(carol, """
                {"status":"unverified","tier":0,"currency":"USD",
                 "limits":{"per_transaction":"100.00","daily":"250.00","max_balance":"500.00"},
                 "remaining_today":"100.00"}""");
    }

    @ParameterizedTest
    @CsvSource({"usd", "XXX", "DOLLARS", "''"})
    void anUnknownCurrencyIs400(String currency) {
        HttpResponse<String> r = server.get().login("bob@example.com").get("/api/v1/kyc?currency=" + currency);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Caller.errorCode(r)).isEqualTo("UNKNOWN_CURRENCY");
    }

    @Test
    void aSubmissionIsPendingAtOnceThenVerifiedWithTier1AndAudited() throws InterruptedException {
        String email = "kyc" + USERS.incrementAndGet() + "@example.com";
        Caller dora = server.get().register(email);
        HttpResponse<String> r = dora.post("/api/v1/kyc/submissions", submission("X1234567"));

        assertThat(r.statusCode()).isEqualTo(202);
        JsonObject accepted = Caller.json(r);
        assertThat(accepted.get("status").getAsString()).isEqualTo("pending");
        assertThat(accepted.get("submission_id").getAsString()).startsWith("kyc_");

        JsonObject kyc = decided(dora);
        assertThat(kyc.get("status").getAsString()).isEqualTo("verified");
        assertThat(kyc.get("tier").getAsInt()).isEqualTo(1);
        assertThat(kyc.getAsJsonObject("limits").get("daily").getAsString()).isEqualTo("5000.00");

        List<AuditEntry> audit = server.get().server().ledger().audit(DemoData.ENV_ID, "user", userId(email));
        assertThat(audit).extracting(AuditEntry::field, AuditEntry::newValue, AuditEntry::actor)
                .contains(tuple("kyc_status", "pending", "user"),
                        tuple("kyc_status", "verified", KycService.VERIFIER),
                        tuple("kyc_tier", "1", KycService.VERIFIER));
    }

    @Test
    void aDocumentEndingIn0000IsRejectedAndTheUserMaySubmitAgain() throws InterruptedException {
        Caller dora = newUser();
        assertThat(dora.post("/api/v1/kyc/submissions", submission("AB-12-0000")).statusCode()).isEqualTo(202);
        JsonObject rejected = decided(dora);
        assertThat(rejected.get("status").getAsString()).isEqualTo("rejected");
        assertThat(rejected.get("tier").getAsInt()).isZero();

        assertThat(dora.post("/api/v1/kyc/submissions", submission("AB-12-0001")).statusCode()).isEqualTo(202);
        assertThat(decided(dora).get("status").getAsString()).isEqualTo("verified");
    }

    @Test
    void anApplicantUnder18IsRejected() throws InterruptedException {
        Caller young = newUser();
        String dob = LocalDate.now(ZoneOffset.UTC).minusYears(18).plusDays(2).toString();
        assertThat(young.post("/api/v1/kyc/submissions", submission(dob, "Y7654321")).statusCode()).isEqualTo(202);
        assertThat(decided(young).get("status").getAsString()).isEqualTo("rejected");
    }

    @Test
    void aVerifiedUserCannotSubmitAgain() {
        HttpResponse<String> r = server.get().login("alice@example.com").post("/api/v1/kyc/submissions", submission("X1234567"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Caller.errorCode(r)).isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "full_name|{\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "full_name|{\"full_name\":\" \",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "full_name|{\"full_name\":\"D\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "date_of_birth|{\"full_name\":\"Dora\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "date_of_birth|{\"full_name\":\"Dora\",\"date_of_birth\":\"23.04.1990\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "date_of_birth|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-02-30\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "date_of_birth|{\"full_name\":\"Dora\",\"date_of_birth\":\"2999-01-01\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "date_of_birth|{\"full_name\":\"Dora\",\"date_of_birth\":\"1850-01-01\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "country|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "country|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"Germany\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "country|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"ZZ\",\"document_type\":\"passport\",\"document_number\":\"X1234567\"}",
            "document_type|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_number\":\"X1234567\"}",
            "document_type|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"library_card\",\"document_number\":\"X1234567\"}",
            "document_number|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\"}",
            "document_number|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X12\"}",
            "document_number|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X123/4567!\"}",
            "document_number|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567X1234567X1234567X1234567\"}",
            "nickname|{\"full_name\":\"Dora\",\"date_of_birth\":\"1990-04-23\",\"country\":\"DE\",\"document_type\":\"passport\",\"document_number\":\"X1234567\",\"nickname\":\"D\"}",
    })
    void badSubmissionsAre400NamingTheField(String field, String body) {
        Caller caller = newUser();
        HttpResponse<String> r = caller.post("/api/v1/kyc/submissions", body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Caller.errorCode(r)).isEqualTo("INVALID_REQUEST");
        String message = Caller.json(r).getAsJsonObject("error").get("message").getAsString();
        assertThat(message).contains(field).doesNotContain("X123");
        assertThat(Caller.json(caller.get("/api/v1/kyc")).get("status").getAsString()).isEqualTo("unverified");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[]", "''", "{\"full_name\":42}", "{\"document_number\":[1,2]}"})
    void malformedBodiesAre400(String body) {
        HttpResponse<String> r = newUser().post("/api/v1/kyc/submissions", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Caller.errorCode(r)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void kycNeedsABearerToken() {
        assertThat(Http.get(server.get().url("/api/v1/kyc")).statusCode()).isEqualTo(401);
        assertThat(Http.post(server.get().url("/api/v1/kyc/submissions"), submission("X1234567")).statusCode()).isEqualTo(401);
    }

    private static String userId(String email) {
        return new Tenants(server.get().server().ledger()).userByEmail(new EnvId(DemoData.ENV_ID), email).orElseThrow().id();
    }
}
