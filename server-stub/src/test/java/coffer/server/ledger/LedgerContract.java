package coffer.server.ledger;

import coffer.core.error.ErrorCode;
import coffer.server.db.DatabaseConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the ledger contracts: a fresh ledger for each test on the database a subclass names (so one
 * contract runs against SQLite and PostgreSQL), and the ledger's invariants checked after every test.
 */
abstract class LedgerContract {
    LedgerFixture f;
    LedgerService ledger;

    abstract DatabaseConfig database();

    @BeforeEach
    void open() {
        f = new LedgerFixture(database());
        ledger = f.ledger;
    }

    @AfterEach
    void close() throws Exception {
        assertThat(f.verify().violations()).as("ledger invariants after the test").isEmpty();
        f.close();
    }

    /** Exactly {@code passed} of {@code outcomes} went through and every other was refused with {@code refusal}. */
    static void assertPassed(List<? extends Outcome<?>> outcomes, int passed, ErrorCode refusal, String what) {
        assertThat(outcomes.stream().filter(Outcome::isOk)).as(what).hasSize(passed);
        assertThat(outcomes.stream().filter(o -> !o.isOk()).map(o -> o.result().errorCode())).as(what).containsOnly(refusal);
    }
}
