package coffer.server.order;

import coffer.core.money.Money;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code products}: each environment's catalogue, with prices in minor units. */
public final class Catalogue {
    /** What {@code --demo} puts on sale in the demo environment. */
    static final List<Product> DEMO = List.of(
            demo("coffee-beans", "Coffee beans", "House roast, 250 g", "12.50"),
            demo("travel-mug", "Travel mug", "Keeps a drink hot for six hours", "24.00"),
            demo("premium-month", "Premium, one month", "Every premium feature for 30 days", "9.99"),
            demo("gift-card-50", "Gift card", "A 50.00 USD gift card", "50.00"));

    private static final String COLUMNS = "env_id, product_id, name, description, price, currency, active";

    private final Jdbc jdbc;
    private final Clock clock;

    public Catalogue(Database database, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.clock = clock;
    }

    /** Puts the demo products on sale in {@code envId}; repeating it changes nothing. */
    public void seedDemo(String envId) {
        for (Product p : DEMO) {
            add(new Product(envId, p.productId(), p.name(), p.description(), p.price(), true));
        }
    }

    /** Adds a product unless the environment already has one with its id. */
    void add(Product p) {
        jdbc.update("INSERT INTO products (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                p.envId(), p.productId(), p.name(), p.description(), p.price().minor(), p.price().currencyCode(), p.active(),
                clock.millis());
    }

    /** The environment's active products, by name. */
    List<Product> active(String envId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM products WHERE env_id = ? AND active = ? ORDER BY name, product_id",
                Catalogue::row, envId, true);
    }

    /** A product of the environment, active or not. */
    Optional<Product> find(String envId, String productId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM products WHERE env_id = ? AND product_id = ?", Catalogue::row,
                envId, productId);
    }

    private static Product demo(String id, String name, String description, String price) {
        return new Product("demo", id, name, description, Money.parse(price, "USD"), true);
    }

    private static Product row(ResultSet rs) throws SQLException {
        return new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Money.ofMinor(rs.getString(6), rs.getLong(5)), rs.getBoolean(7));
    }
}
