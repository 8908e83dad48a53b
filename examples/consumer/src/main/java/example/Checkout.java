package example;

import coffer.core.money.Money;
import coffer.server.library.CofferConfig;
import java.nio.file.Path;

/** Uses shared-core's {@code Money} and server-stub's library configuration, by their published coordinates. */
public final class Checkout {

    private Checkout() {
    }

    public static void main(String[] args) {
        Money price = Money.parse("19.99", "USD");
        Money[] split = price.allocate(97, 3);
        System.out.println(price + " = " + split[0] + " + " + split[1]);
        System.out.println("default currency " + CofferConfig.sqlite(Path.of("wallet-data")).withDefaultCurrency("NGN").defaultCurrency());
    }
}
