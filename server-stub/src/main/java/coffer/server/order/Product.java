package coffer.server.order;

import coffer.core.money.Money;

import java.util.Objects;

/**
 * A product of an environment's catalogue.
 *
 * @param description a line about it, or null
 * @param price       what an order of it costs, always positive
 * @param active      whether it is listed and can be bought; an inactive product's past orders keep its name
 */
public record Product(String envId, String productId, String name, String description, Money price, boolean active) {
    public Product {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a product's price must be positive: " + price);
        }
    }
}
