package coffer.server.payment;

import coffer.core.error.Result;

import java.util.List;

/**
 * The outcome of placing several payments together: one item per requested payment, in order, each a
 * payment or the reason it was refused. Stored whole as the answer to an idempotent batch request.
 */
public record PaymentBatch(List<Item> items) {

    public PaymentBatch {
        items = List.copyOf(items);
    }

    /**
     * @param payment the placed payment, or null when refused
     * @param code    the {@link coffer.core.error.ErrorCode} name of a refusal, else null
     * @param message the refusal's human message, else null
     */
    public record Item(Payment payment, String code, String message) {

        static Item of(Result<Payment> result) {
            if (result instanceof Result.Rejected<Payment> r) {
                return new Item(null, r.code().name(), r.message());
            }
            return new Item(result.orThrow(), null, null);
        }
    }
}
