package coffer.app.shell;

import coffer.app.i18n.Texts;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The toast of arriving money: money in from outside shows, one toast after the other; nothing else does. */
class ArrivalToastViewModelTest {
    /** The toasts' timers, run when the test says time has passed. */
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final ArrivalToastViewModel toasts = new ArrivalToastViewModel((delay, task) -> {
        delays.add(delay);
        timers.add(task);
    });

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private static TransactionView movement(String id, String kind, String direction, String status, String amount,
                                            String counterparty) {
        return new TransactionView(id, kind, status, amount, "USD", direction, counterparty, null, null, null,
                "2025-03-01T10:00:00Z", "2025-03-01T10:00:01Z", "wal_1", null);
    }

    private void timePasses() {
        Runnable next = timers.remove(0);
        next.run();
    }

    @Test
    void moneyFromOutsideIsToastedInTurnAndEverythingElseIsNot() {
        toasts.arrived(List.of(
                movement("t1", "p2p", "out", "completed", "10.00", "bob@example.com"),
                movement("t2", "transfer", "in", "completed", "50.00", "alice@example.com"),
                movement("t3", "p2p", "in", "pending", "7.00", "bob@example.com"),
                movement("t4", "fee", "in", "completed", "1.00", null)));
        assertThat(toasts.showing.get()).as("paid out, own transfer, pending, fee: no toast").isFalse();
        assertThat(timers).isEmpty();

        toasts.arrived(List.of(
                movement("t5", "p2p", "in", "completed", "25.00", "alice@example.com"),
                movement("t6", "topup", "in", "completed", "100.00", null),
                movement("t7", "p2p", "out", "completed", "3.00", "alice@example.com")));
        assertThat(toasts.showing.get()).isTrue();
        assertThat(toasts.text.get()).isEqualTo("Received 25.00 USD from alice@example.com");
        assertThat(delays).containsExactly(ArrivalToastViewModel.SHOWN_FOR);

        toasts.arrived(List.of(movement("t8", "refund", "in", "completed", "4.50", "shop@example.com")));
        assertThat(toasts.text.get()).as("the first stays its time").isEqualTo("Received 25.00 USD from alice@example.com");

        timePasses();
        assertThat(toasts.text.get()).isEqualTo("Received 100.00 USD");
        timePasses();
        assertThat(toasts.text.get()).isEqualTo("Received 4.50 USD from shop@example.com");
        timePasses();
        assertThat(toasts.showing.get()).isFalse();
        assertThat(timers).isEmpty();
    }

    @Test
    void manyArrivalsAtOnceShowTheFirstAndCountTheRest() {
        List<TransactionView> many = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            many.add(movement("p" + i, "p2p", "in", "completed", i + ".00", "friend" + i + "@example.com"));
        }
        toasts.arrived(many);
        assertThat(toasts.text.get()).isEqualTo("Received 1.00 USD from friend1@example.com");
        timePasses();
        assertThat(toasts.text.get()).isEqualTo("Received 2.00 USD from friend2@example.com");
        timePasses();
        assertThat(toasts.text.get()).isEqualTo("and 4 more received: see History");
        timePasses();
        assertThat(toasts.showing.get()).isFalse();
    }

    @Test
    void signingOutHidesTheToastAndItsTimerLeavesTheNextOneAlone() {
        toasts.arrived(List.of(movement("a", "p2p", "in", "completed", "1.00", "bob@example.com")));
        toasts.dismiss();
        assertThat(toasts.showing.get()).isFalse();

        toasts.arrived(List.of(movement("b", "p2p", "in", "completed", "2.00", "bob@example.com")));
        timePasses();   // the dismissed toast's timer
        assertThat(toasts.text.get()).isEqualTo("Received 2.00 USD from bob@example.com");
    }

    @Test
    void theToastSpeaksSpanish() {
        Texts.use(Texts.SPANISH);
        toasts.arrived(List.of(movement("s", "p2p", "in", "completed", "25.00", "alice@example.com")));
        assertThat(toasts.text.get()).startsWith("Recibiste ").endsWith(" de alice@example.com");
    }
}
