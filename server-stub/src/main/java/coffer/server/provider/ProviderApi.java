package coffer.server.provider;

import coffer.server.http.Access;
import coffer.server.http.NoRateLimit;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.http.HttpApi;
import coffer.server.json.RequestBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's server-to-server API under {@code /provider/v1}, one endpoint per
 * {@code PaymentProvider} call, behind the provider API key ({@code Authorization: Bearer <key>});
 * and the test helper that pays a checkout session exactly as the hosted page would.
 */
final class ProviderApi implements HttpApi.Routes {
    /**
     * The simulator stands in for an outside payment provider, which limits requests to its own API and
     * pages itself; Coffer limits the requests of its users and partners that lead here.
     */
    static final NoRateLimit PROVIDERS_OWN = NoRateLimit.because("the payment provider's own API and pages (the bundled "
            + "simulator); Coffer limits the requests that lead to them");
    static final long MAX_EXPIRES_IN_SECONDS = Duration.ofDays(30).toSeconds();

    record SessionRequest(String reference, String amount, String currency, String customerEmail, String returnUrl,
                          Boolean allowSaveCard, Long expiresInSeconds) {
    }

    record CardView(String authorizationCode, String brand, String last4, int expMonth, int expYear) {
    }

    record SessionView(String id, String reference, String url, String status, String amount, String currency,
                       String expiresAt, String chargeId, CardView card, String failureReason) {
    }

    record ChargeRequest(String authorizationCode, String amount, String currency, String reference) {
    }

    record ChargeView(String id, String reference, String status, String amount, String currency, String failureReason) {
    }

    record ResolveView(String accountName) {
    }

    record PayoutRequest(String reference, String amount, String currency, String bankCode, String accountNumber,
                         String holderName) {
    }

    record PayoutView(String id, String reference, String status, String amount, String currency, String failureReason) {
    }

    record LinkRequest(String reference, String amount, String currency, String returnUrl, Long expiresInSeconds) {
    }

    record LinkView(String id, String reference, String url, String expiresAt) {
    }

    record RefundRequest(String chargeId, String amount, String currency, String reference) {
    }

    record RefundView(String id, String reference, String chargeId, String status, String amount, String currency) {
    }

    record TestPayRequest(String cardNumber, Boolean saveCard, String confirmation) {
    }

    record TestPayView(String sessionId, String outcome, String status, String failureReason, String redirectUrl) {
    }

    private final Checkouts checkouts;
    private final BankPayouts payouts;
    private final ProviderSettings settings;
    private final Clock clock;
    private final byte[] apiKey;
    private final Supplier<String> baseUrl;

    ProviderApi(Checkouts checkouts, BankPayouts payouts, ProviderSettings settings, Clock clock, String apiKey,
                Supplier<String> baseUrl) {
        this.checkouts = checkouts;
        this.payouts = payouts;
        this.settings = settings;
        this.clock = clock;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/provider/v1/*", this::authenticate);
        routes.post("/provider/v1/checkout/sessions", this::createSession, Access.SIGNED, PROVIDERS_OWN);
        routes.get("/provider/v1/checkout/sessions/{id}", ctx -> ctx.json(view(session(ctx.pathParam("id")))), Access.SIGNED);
        routes.post("/provider/v1/charges", this::charge, Access.SIGNED, PROVIDERS_OWN);
        routes.get("/provider/v1/bank-accounts/resolve", this::resolve, Access.SIGNED);
        routes.post("/provider/v1/payouts", this::payout, Access.SIGNED, PROVIDERS_OWN);
        routes.post("/provider/v1/payout-links", this::createLink, Access.SIGNED, PROVIDERS_OWN);
        routes.post("/provider/v1/refunds", this::refund, Access.SIGNED, PROVIDERS_OWN);
        routes.post("/provider/test-helpers/checkout/{session_id}/pay", this::testPay, Access.PUBLIC, PROVIDERS_OWN);
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw new CofferException(ErrorCode.UNAUTHORIZED, "The provider API key is missing or wrong.");
        }
    }

    private void createSession(Context ctx) {
        SessionRequest r = RequestBodies.read(ctx.body(), SessionRequest.class);
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        String returnUrl = absoluteUrl(RequestBodies.required(r.returnUrl(), "return_url"), "return_url");
        Duration ttl = ttl(r.expiresInSeconds(), settings.sessionTtl());
        Checkouts.Session s = checkouts.create(reference(r.reference()), amount, r.customerEmail(), returnUrl,
                Boolean.TRUE.equals(r.allowSaveCard()), ttl);
        ctx.status(201).json(view(s));
    }

    private void charge(Context ctx) {
        ChargeRequest r = RequestBodies.read(ctx.body(), ChargeRequest.class);
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        Checkouts.Charge c = checkouts.chargeSaved(RequestBodies.required(r.authorizationCode(), "authorization_code"), amount,
                reference(r.reference()));
        ctx.status(201).json(new ChargeView(c.id(), c.reference(), c.status(), c.amount().toDecimalString(),
                c.amount().currencyCode(), c.failureReason()));
    }

    private void resolve(Context ctx) {
        String name = payouts.resolve(ctx.queryParam("bank_code"), ctx.queryParam("account_number"))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "No such bank account."));
        ctx.json(new ResolveView(name));
    }

    private void payout(Context ctx) {
        PayoutRequest r = RequestBodies.read(ctx.body(), PayoutRequest.class);
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        BankPayouts.Payout p = payouts.payout(reference(r.reference()), amount, r.bankCode(), r.accountNumber(), r.holderName());
        ctx.status(201).json(view(p));
    }

    private void createLink(Context ctx) {
        LinkRequest r = RequestBodies.read(ctx.body(), LinkRequest.class);
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        String returnUrl = r.returnUrl() == null ? null : absoluteUrl(r.returnUrl(), "return_url");
        BankPayouts.Link l = payouts.createLink(reference(r.reference()), amount, returnUrl,
                ttl(r.expiresInSeconds(), settings.payoutLinkTtl()));
        ctx.status(201).json(new LinkView(l.id(), l.reference(), baseUrl.get() + PayoutPage.PATH + l.id(),
                l.expiresAt().toString()));
    }

    private void refund(Context ctx) {
        RefundRequest r = RequestBodies.read(ctx.body(), RefundRequest.class);
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        Checkouts.Refund f = checkouts.refund(RequestBodies.required(r.chargeId(), "charge_id"), amount, reference(r.reference()));
        ctx.status(201).json(new RefundView(f.id(), f.reference(), f.chargeId(), f.status(), f.amount().toDecimalString(),
                f.amount().currencyCode()));
    }

    /** Pays like the page: same validation of the number, same {@link Checkouts#pay} or {@link Checkouts#confirm}. */
    private void testPay(Context ctx) {
        String id = ctx.pathParam("session_id");
        TestPayRequest r = RequestBodies.read(ctx.body(), TestPayRequest.class);
        session(id);
        Checkouts.Attempt attempt;
        if (r.confirmation() != null) {
            if (!r.confirmation().equals("approve") && !r.confirmation().equals("fail")) {
                throw new CofferException(ErrorCode.INVALID_REQUEST, "'confirmation' must be \"approve\" or \"fail\".",
                        Map.of("field", "confirmation"));
            }
            attempt = checkouts.confirm(id, r.confirmation().equals("approve"));
        } else {
            String digits = CardEntry.digits(RequestBodies.required(r.cardNumber(), "card_number"));
            if (digits == null) {
                throw new CofferException(ErrorCode.INVALID_REQUEST, "'card_number' is not a valid card number.",
                        Map.of("field", "card_number"));
            }
            int year = clock.instant().atZone(java.time.ZoneOffset.UTC).getYear() + 3;
            attempt = checkouts.pay(id, new Checkouts.CardEntry(digits, 12, year, "Test Card",
                    Boolean.TRUE.equals(r.saveCard())));
        }
        Checkouts.Session s = checkouts.session(id).orElseThrow();
        String redirect = switch (s.status()) {
            case Checkouts.OPEN -> null;
            default -> CheckoutPage.returnTo(s, s.status());
        };
        ctx.json(new TestPayView(id, attempt.result().name().toLowerCase(java.util.Locale.ROOT), s.status(),
                attempt.reason() != null ? attempt.reason() : s.failureReason(), redirect));
    }

    private Checkouts.Session session(String id) {
        return checkouts.session(id).orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND,
                "No checkout session " + id + ".", Map.of("session_id", id)));
    }

    private SessionView view(Checkouts.Session s) {
        CardView card = checkouts.card(s.authorizationCode())
                .map(c -> new CardView(c.authorizationCode(), c.brand(), c.last4(), c.expMonth(), c.expYear())).orElse(null);
        return new SessionView(s.id(), s.reference(), baseUrl.get() + CheckoutPage.PATH + s.id(), s.status(),
                s.amount().toDecimalString(), s.amount().currencyCode(), s.expiresAt().toString(), s.chargeId(), card,
                s.failureReason());
    }

    private static PayoutView view(BankPayouts.Payout p) {
        return new PayoutView(p.id(), p.reference(), p.status(), p.amount().toDecimalString(), p.amount().currencyCode(),
                p.failureReason());
    }

    private static String reference(String reference) {
        String r = RequestBodies.required(reference, "reference");
        if (r.length() > 200) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'reference' is longer than 200 characters.",
                    Map.of("field", "reference"));
        }
        return r;
    }

    private static Duration ttl(Long seconds, Duration fallback) {
        if (seconds == null) {
            return fallback;
        }
        if (seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'expires_in_seconds' must be 1 to " + MAX_EXPIRES_IN_SECONDS + ".",
                    Map.of("field", "expires_in_seconds"));
        }
        return Duration.ofSeconds(seconds);
    }

    /** An absolute http(s) URL, or INVALID_REQUEST naming {@code field}. */
    static String absoluteUrl(String text, String field) {
        try {
            URI uri = new URI(text);
            if (text.length() <= 2000 && uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return text;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' must be an absolute http or https URL.",
                Map.of("field", field));
    }
}
