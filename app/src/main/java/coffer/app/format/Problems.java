package coffer.app.format;

import coffer.app.api.ApiException;
import coffer.app.i18n.Texts;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

/**
 * What to tell the user when something failed, in the app's language: each {@link ErrorCode} has its own text
 * ({@code error.CODE} in the bundles); the server's own words, which are English and often more precise
 * ("available 10.00 USD"), follow as a detail when they say more than the code's text.
 */
public final class Problems {
    private Problems() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof ApiException e) {
            return switch (e.kind()) {
                case NETWORK_DOWN -> Texts.text("error.network");
                case REFUSED -> withDetail(e.code(), e.getMessage());
                // the app's own English words for these add nothing to the code's text
                case UNAUTHENTICATED, SERVER_ERROR -> of(e.code());
            };
        }
        if (failure instanceof CofferException e) {
            return withDetail(e.code(), e.getMessage());
        }
        String detail = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return Texts.text("error.unexpected", detail);
    }

    /** The code's text in the app's language. */
    public static String of(ErrorCode code) {
        return Texts.text("error." + code.name());
    }

    /** A payment's {@code failure_reason} (an ErrorCode name) in words. */
    public static String reason(String failureReason) {
        if (failureReason == null) {
            return Texts.text("error.noReason");
        }
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(failureReason)) {
                return of(c);
            }
        }
        return failureReason;
    }

    /**
     * A refusal saved earlier as the server gave it (an ErrorCode name and the server's words): the code's text with
     * the words as a detail; the words alone for a code this app does not know.
     */
    public static String refusal(String codeName, String serverText) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(codeName)) {
                return withDetail(c, serverText);
            }
        }
        return serverText != null && !serverText.isBlank() ? serverText : Texts.text("error.noReason");
    }

    private static String withDetail(ErrorCode code, String serverText) {
        String text = of(code);
        if (serverText == null || serverText.isBlank() || serverText.equals(code.defaultMessage())
                || serverText.equals(text)) {
            return text;
        }
        return Texts.text("error.withDetail", text, serverText);
    }
}
