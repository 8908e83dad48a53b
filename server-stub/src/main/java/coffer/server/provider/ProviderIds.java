package coffer.server.provider;

import java.util.UUID;

/**
 * The simulator's own ids: a prefix naming the kind of thing ({@code cs}, {@code ch}, {@code po}, ...) and
 * 122 random bits, so none can be guessed. Minted here rather than with Coffer's id scheme: a provider
 * knows nothing of Coffer but its HTTP API.
 */
final class ProviderIds {
    private ProviderIds() {
    }

    static String next(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
