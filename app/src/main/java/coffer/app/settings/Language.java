package coffer.app.settings;

import coffer.app.i18n.Texts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the user chose in the settings: the system's, English or Spanish. {@code -Dcoffer.language} chooses
 * for one run instead, over the saved choice; choosing in the settings switches at once, over it.
 */
public enum Language {
    SYSTEM("system"),
    ENGLISH("en"),
    SPANISH("es");

    private final String saved;

    Language(String saved) {
        this.saved = saved;
    }

    /** How the choice is written in the settings file. */
    String saved() {
        return saved;
    }

    /** The choice a settings file's value stands for; the system's for a missing or unknown one. */
    static Language ofSaved(String value) {
        return Arrays.stream(values()).filter(l -> l.saved.equals(value)).findFirst().orElse(SYSTEM);
    }

    /** The language to speak once the user chose this: the system's is the one {@code -Dcoffer.language} names, if any. */
    Locale locale() {
        return switch (this) {
            case ENGLISH -> Texts.ENGLISH;
            case SPANISH -> Texts.SPANISH;
            case SYSTEM -> given().orElse(Locale.getDefault());
        };
    }

    /** The language to start in: the one {@code -Dcoffer.language} names for this run, else this choice's. */
    Locale atStart() {
        return given().orElse(locale());
    }

    /** As the user reads the choice: "System language", "English", "Español" (each language in its own words). */
    public String displayName() {
        return Texts.text("settings.language." + name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return displayName();
    }

    /** The language {@code -Dcoffer.language} names, when it is one the app speaks. */
    private static Optional<Locale> given() {
        String property = System.getProperty(Texts.LANGUAGE_PROPERTY);
        return Optional.ofNullable(property).filter(p -> !p.isBlank()).map(p -> Locale.forLanguageTag(p.strip()))
                .filter(l -> l.getLanguage().equals(Texts.ENGLISH.getLanguage())
                        || l.getLanguage().equals(Texts.SPANISH.getLanguage()));
    }
}
