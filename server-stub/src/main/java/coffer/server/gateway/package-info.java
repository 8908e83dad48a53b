/**
 * Coffer's side of the payment provider: the {@link coffer.server.gateway.PaymentProvider} interface
 * every money-in and money-out feature calls, the events the provider sends back, and the handlers
 * that apply them. Nothing here knows which provider is behind it.
 */
package coffer.server.gateway;
