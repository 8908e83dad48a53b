package coffer.server.cli;

import coffer.server.Main;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void seedDemoLedger() {
        try (Database db = Database.open(DatabaseConfig.sqlite(data));
             LedgerService ledger = new LedgerService(db, Clock.systemUTC(),
                     LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            DemoData.seed(ledger, null);
        }
    }

    @Test
    void verifyReportsASoundLedgerAndExitsZero() {
        seedDemoLedger();
        assertThat(run("verify", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("3 movements").contains("OK: every invariant holds.");
    }

    @Test
    void verifyFindsATamperedBalanceAndExitsOne() throws Exception {
        seedDemoLedger();
        try (Database db = Database.open(DatabaseConfig.sqlite(data));
             Connection c = db.writerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("UPDATE accounts SET posted = posted + 1 WHERE kind = 'USER_WALLET' "
                    + "AND id = (SELECT MIN(id) FROM accounts WHERE kind = 'USER_WALLET')");
        }
        assertThat(run("verify", "--data", data.toString())).isEqualTo(VerifyCommand.VIOLATIONS);
        // the balance no longer matches its postings, nor what the change feed last told clients
        assertThat(out.toString()).contains("2 violation(s)").contains("but its postings sum to 100000")
                .contains("differs from its latest change-feed version");
    }

    @Test
    void badUsageIsExitTwoWithTheReason() {
        assertThat(run("verify", "--sync", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("--sync").contains("sometimes");
        assertThat(run("serve", "--port", "eighty")).isEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseIsAClearFailureNotAStackTrace() {
        assertThat(run("verify", "--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2")).isEqualTo(Main.FAILED);
        assertThat(err.toString()).startsWith("coffer-server: ").contains("Connection").doesNotContain("\tat ");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("coffer-server ").doesNotContain("dev");
    }

    @Test
    void withoutACommandTheUsageListsEveryCommand() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("serve", "verify", "env", "kyc", "wallet", "sign");
    }

    @Test
    void aCommandNamedFirstStillParsesItsSubcommandsAndHelp() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: coffer-server serve").contains("--demo");
        assertThat(run("env", "secret", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: coffer-server env secret");
    }

    @Test
    void aMisspelledCommandIsExitTwoWithTheCommandsItMayMean() {
        assertThat(run("serv")).isEqualTo(2);
        assertThat(err.toString()).contains("'serv'").contains("coffer-server serve");
    }
}
