package coffer.app;

import coffer.app.api.ApiClient;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/** Test data made through the API as a user would make it. */
public final class Payments {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Payments() {
    }

    /** Pays {@code to} from the payer's first wallet (USD) and waits, with a deadline, until the payment completed. */
    public static PaymentView completed(ApiClient payer, String to, String amount, String note) throws Exception {
        PaymentView paid = payer.pay(UUID.randomUUID().toString(),
                new PaymentRequest(amount, "USD", payer.accounts().get(0).id(), to, note, null));
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!"completed".equals(paid.status())) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("payment " + paid.paymentId() + " still " + paid.status());
            }
            Thread.sleep(20);   // polling the server's status, not an assertion
            paid = payer.payment(paid.paymentId());
        }
        return paid;
    }

    /** Pays {@code to} 1.00, 2.00, ... {@code count}.00 with notes "{@code note} 1" and on, each completed before the next. */
    public static void completedInTurn(ApiClient payer, String to, String note, int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            completed(payer, to, i + ".00", note + " " + i);
        }
    }
}
