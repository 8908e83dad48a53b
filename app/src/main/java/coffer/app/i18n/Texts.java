package coffer.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The language the app speaks, English or Spanish, and its texts ({@code coffer/app/i18n/messages*.properties},
 * UTF-8). The language is Spanish when the system's is, else English; {@code -Dcoffer.language=es} or {@code =en}
 * chooses it instead.
 */
public final class Texts {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    /** The system property that chooses the language over the system's. */
    public static final String LANGUAGE_PROPERTY = "coffer.language";
    private static final String BUNDLE = "coffer.app.i18n.messages";
    /**
     * No fallback to the system's language: without it, English ({@code messages_en} does not exist) asked for on
     * a Spanish system would be answered with {@code messages_es}.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale current = choose(System.getProperty(LANGUAGE_PROPERTY), Locale.getDefault());

    private Texts() {
    }

    /** The language for a {@code coffer.language} value (null when not set) on a system speaking {@code system}. */
    static Locale choose(String override, Locale system) {
        if (override != null && !override.isBlank()) {
            Locale chosen = Locale.forLanguageTag(override.strip());
            if (isSupported(chosen)) {
                return supported(chosen);
            }
        }
        return supported(system);
    }

    private static boolean isSupported(Locale locale) {
        return locale.getLanguage().equals(SPANISH.getLanguage()) || locale.getLanguage().equals(ENGLISH.getLanguage());
    }

    /** Spanish for any Spanish (es-MX, es-ES, ...), English for anything else. */
    private static Locale supported(Locale locale) {
        return locale.getLanguage().equals(SPANISH.getLanguage()) ? SPANISH : ENGLISH;
    }

    /** The language the screens load in. */
    public static Locale locale() {
        return current;
    }

    /** Switches the language for the screens loaded from now on: Spanish for any Spanish, else English. */
    public static void use(Locale locale) {
        current = supported(locale);
    }

    /** The texts of the current language. */
    public static ResourceBundle bundle() {
        return bundle(current);
    }

    /** The texts of {@code locale}'s language (English unless it is Spanish). */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), Texts.class.getClassLoader(), NO_FALLBACK);
    }

    /**
     * The text for {@code key} in the current language, with {@code args} put in its {@code {0}}, {@code {1}}...
     * ({@link MessageFormat}, so a literal quote is written {@code ''} in a text that takes arguments). A key
     * missing from the bundle shows as itself, so a screen still says something; {@code MessagesTest} fails the build
     * for every key the code names that a bundle lacks.
     */
    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, formatLocale()).format(args);
    }

    /**
     * The locale numbers, money and dates are written in: the system's formats when they are of the language
     * the app speaks (es-MX on a Mexican system), else the language's own (a Spanish app on an English system
     * writes {@code 1.234,56}).
     */
    public static Locale formatLocale() {
        Locale system = Locale.getDefault(Locale.Category.FORMAT);
        return system.getLanguage().equals(current.getLanguage()) ? system : current;
    }
}
