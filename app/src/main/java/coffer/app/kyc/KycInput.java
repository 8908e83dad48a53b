package coffer.app.kyc;

import coffer.app.i18n.Texts;
import coffer.core.api.KycTypes.KycSubmissionRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity form as typed, checked with the server's rules for a submission, so a mistake shows
 * next to the form before anything is sent.
 */
record KycInput(String fullName, String dateOfBirth, String country, String documentType, String documentNumber) {
    /** The document kinds the verifier takes, as the API names them. */
    static final List<String> DOCUMENT_TYPES = List.of("passport", "id_card", "driving_license");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z0-9]{4,30}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** What is wrong with the form, in words; empty when it can be sent. */
    Optional<String> problem(LocalDate today) {
        String name = strip(fullName);
        if (name.length() < 2 || name.length() > 200 || CONTROL.matcher(name).find()) {
            return Optional.of(Texts.text("kyc.error.fullName"));
        }
        LocalDate born;
        try {
            born = LocalDate.parse(strip(dateOfBirth));
        } catch (DateTimeParseException e) {
            return Optional.of(Texts.text("kyc.error.dateOfBirth"));
        }
        if (born.isAfter(today) || born.isBefore(EARLIEST_BIRTH)) {
            return Optional.of(Texts.text("kyc.error.dateOfBirthRange"));
        }
        if (!COUNTRIES.contains(countryCode())) {
            return Optional.of(Texts.text("kyc.error.country"));
        }
        if (documentType == null || !DOCUMENT_TYPES.contains(documentType)) {
            return Optional.of(Texts.text("kyc.error.documentType"));
        }
        if (!DOCUMENT_NUMBER.matcher(number()).matches()) {
            return Optional.of(Texts.text("kyc.error.documentNumber"));
        }
        return Optional.empty();
    }

    /** The body to send; only for a form without a {@link #problem}. */
    KycSubmissionRequest request() {
        return new KycSubmissionRequest(strip(fullName), strip(dateOfBirth), countryCode(), documentType, number());
    }

    private String countryCode() {
        return strip(country).toUpperCase(Locale.ROOT);
    }

    private String number() {
        return strip(documentNumber).replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** Leaves the document number out, so a stray log line cannot carry it. */
    @Override
    public String toString() {
        return "KycInput[documentType=" + documentType + ", country=" + country + "]";
    }
}
