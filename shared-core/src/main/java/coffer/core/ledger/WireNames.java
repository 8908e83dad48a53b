package coffer.core.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Looks enum constants up by their wire names in one probe instead of a scan that lower-cases every name. */
final class WireNames {
    private WireNames() {
    }

    /** An unmodifiable map from each constant's wire name to the constant; two constants may not share a name. */
    static <E extends Enum<E>> Map<String, E> index(E[] constants, Function<E, String> wire) {
        Map<String, E> byWire = new HashMap<>();
        for (E constant : constants) {
            if (byWire.put(wire.apply(constant), constant) != null) {
                throw new IllegalStateException("Two constants share the wire name " + wire.apply(constant));
            }
        }
        return Map.copyOf(byWire);
    }
}
