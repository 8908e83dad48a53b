package coffer.server.tenant;

/**
 * A partner's environment: its users, wallets and system accounts are invisible to every other one.
 *
 * @param webhookUrl where the partner receives Coffer's webhooks, or null
 */
public record Environment(String id, String name, String webhookUrl) {
}
