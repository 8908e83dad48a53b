package coffer.server.wallet;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.WalletStatusChange;
import coffer.server.ledger.EnvId;
import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Currencies;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import coffer.server.webhook.PartnerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static coffer.server.testing.TestServer.Caller.errorCode;
import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A status set by a stronger actor (operator > partner > user) is lifted only by that actor or a stronger one. */
class WalletStatusActorTest extends DemoServerTest {
    private String partnerUserId;
    private String walletId;
    private Caller user;
    private PartnerClient partner;

    @BeforeEach
    void newPartnerUser() {
        LedgerService ledger = server.server().ledger();
        partnerUserId = "status-" + UUID.randomUUID();
        String id = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(DemoData.ENV_ID), partnerUserId,
                "Holder").kyc(KycStatus.VERIFIED, KycTier.TIER_1))
                .orThrow().id();
        walletId = ledger.openWallet(NewWallet.inCurrency(new EnvId(DemoData.ENV_ID), new UserId(id), Currencies.of("USD"))).orThrow().id();
        partner = new PartnerClient(server, DemoData.ENV_SECRET);
        HttpResponse<String> minted = partner.post("/api/v1/auth/partner-token",
                "{\"env_id\":\"" + DemoData.ENV_ID + "\",\"user_id\":\"" + partnerUserId + "\"}");
        user = new Caller(server, json(minted).get("access_token").getAsString());
    }

    private HttpResponse<String> partnerSets(String status) {
        return partner.signedAt("PATCH", "/wallet/" + walletId + "/status/", "{\"env_id\": \"" + DemoData.ENV_ID
                + "\", \"user_id\": \"" + partnerUserId + "\", \"status\": \"" + status + "\"}", Instant.now());
    }

    private String status() {
        return json(user.get("/api/v1/accounts/" + walletId)).getAsJsonObject("account").get("status").getAsString();
    }

    @Test
    void aUserCannotUnlockOrCloseAWalletThePartnerLocked() {
        assertThat(partnerSets("locked").statusCode()).isEqualTo(200);

        HttpResponse<String> unlock = user.post("/api/v1/accounts/" + walletId + "/unlock", "");
        assertThat(unlock.statusCode()).isEqualTo(403);
        assertThat(errorCode(unlock)).isEqualTo("FORBIDDEN");
        assertThat(json(unlock).getAsJsonObject("error").get("message").getAsString()).contains("locked by the partner");
        HttpResponse<String> close = user.post("/api/v1/accounts/" + walletId + "/close", "");
        assertThat(close.statusCode()).isEqualTo(403);
        assertThat(status()).isEqualTo("locked");

        assertThat(partnerSets("active").statusCode()).isEqualTo(200);
        assertThat(status()).isEqualTo("active");
    }

    @Test
    void thePartnerTakesOverALockTheUserSetSoTheUserCannotLiftIt() {
        assertThat(user.post("/api/v1/accounts/" + walletId + "/lock", "").statusCode()).isEqualTo(200);
        assertThat(partnerSets("locked").statusCode()).isEqualTo(200);

        assertThat(user.post("/api/v1/accounts/" + walletId + "/unlock", "").statusCode()).isEqualTo(403);
        assertThat(status()).isEqualTo("locked");
    }

    @Test
    void thePartnerLiftsTheUsersOwnLockAndTheUserLiftsTheirs() {
        assertThat(user.post("/api/v1/accounts/" + walletId + "/lock", "").statusCode()).isEqualTo(200);
        assertThat(user.post("/api/v1/accounts/" + walletId + "/unlock", "").statusCode()).isEqualTo(200);
        assertThat(user.post("/api/v1/accounts/" + walletId + "/lock", "").statusCode()).isEqualTo(200);
        assertThat(partnerSets("active").statusCode()).isEqualTo(200);
        assertThat(status()).isEqualTo("active");
    }

    @Test
    void thePartnerCannotLiftTheOperatorsLock() {
        server.server().ledger().setWalletStatus(new WalletStatusChange(new EnvId(DemoData.ENV_ID), null,
                new WalletId(walletId), WalletStatus.LOCKED, StatusActor.OPERATOR, "compliance review")).orThrow();

        HttpResponse<String> lifted = partnerSets("active");
        assertThat(lifted.statusCode()).isEqualTo(403);
        assertThat(status()).isEqualTo("locked");
    }
}
