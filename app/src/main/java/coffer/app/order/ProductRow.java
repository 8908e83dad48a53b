package coffer.app.order;

import coffer.app.format.Amounts;
import coffer.core.api.OrderTypes.ProductView;

/**
 * One product of the catalogue as the order screen shows it.
 *
 * @param price         formatted ("12.50 USD")
 * @param priceDecimal  the API's exact text, for comparing with a wallet's balance
 */
public record ProductRow(String id, String name, String description, String price, String priceDecimal, String currency) {

    static ProductRow of(ProductView p) {
        return new ProductRow(p.productId(), p.name(), p.description() == null ? "" : p.description(),
                Amounts.format(p.price(), p.currency()), p.price(), p.currency());
    }

    /** How a product is named in the list: "Coffee beans — 12.50 USD". */
    @Override
    public String toString() {
        return name + " — " + price;
    }
}
