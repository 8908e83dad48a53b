package coffer.server.kyc;

import coffer.core.api.KycTypes.KycSubmissionRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.json.RequestBodies;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A submission's identity data, checked: the request shape is validated here once, at the edge, and
 * a bad field is INVALID_REQUEST naming it. The document number is reduced to its last four
 * characters at once; refusals never repeat it.
 *
 * @param documentLast4 the last four letters or digits of the document number, upper case
 */
record KycApplication(String fullName, LocalDate dateOfBirth, String country, String documentType,
                      String documentLast4) {
    static final Set<String> DOCUMENT_TYPES = Set.of("passport", "id_card", "driving_license");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z0-9]{4,30}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static KycApplication from(KycSubmissionRequest r, LocalDate today) {
        String name = RequestBodies.required(r.fullName(), "full_name").strip();
        if (name.length() < 2 || name.length() > 200 || CONTROL.matcher(name).find()) {
            throw invalid("full_name", "'full_name' must be 2 to 200 printable characters.");
        }
        LocalDate born = date(RequestBodies.required(r.dateOfBirth(), "date_of_birth"), today);
        String country = RequestBodies.required(r.country(), "country").strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw invalid("country", "'country' must be an ISO 3166-1 alpha-2 code such as DE or US.");
        }
        String type = RequestBodies.required(r.documentType(), "document_type");
        if (!DOCUMENT_TYPES.contains(type)) {
            throw invalid("document_type", "'document_type' must be one of passport, id_card, driving_license.");
        }
        String number = RequestBodies.required(r.documentNumber(), "document_number")
                .replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (!DOCUMENT_NUMBER.matcher(number).matches()) {
            throw invalid("document_number", "'document_number' must be 4 to 30 letters or digits (spaces and hyphens are ignored).");
        }
        return new KycApplication(name, born, country, type, number.substring(number.length() - 4));
    }

    private static LocalDate date(String text, LocalDate today) {
        LocalDate born;
        try {
            born = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid("date_of_birth", "'date_of_birth' must be a date such as 1990-04-23.");
        }
        if (born.isAfter(today) || born.isBefore(EARLIEST_BIRTH)) {
            throw invalid("date_of_birth", "'date_of_birth' must be between 1900-01-01 and today.");
        }
        return born;
    }

    private static CofferException invalid(String field, String message) {
        return new CofferException(ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }
}
