package coffer.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The screens speak English and Spanish: every text a user reads in an FXML file comes from the message
 * bundle ({@code %key}), every key the FXML files use is there, and both languages have every key, none empty.
 */
class MessagesTest {
    private static final Path FXML_ROOT = Path.of("src/main/resources/coffer/app");
    private static final String ENGLISH = "/coffer/app/i18n/messages.properties";
    private static final String SPANISH = "/coffer/app/i18n/messages_es.properties";
    /** The FXML attributes (and property elements) whose value a user reads or hears. */
    private static final Set<String> TEXT_PROPERTIES = Set.of("text", "promptText", "title", "accessibleText",
            "accessibleHelp", "label");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Path JAVA_ROOT = Path.of("src/main/java/coffer/app");
    /** A key the code names: {@code Texts.text("send.review.missingWallet", ...)}. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("Texts\\.text\\(\\s*\"([^\"]+)\"\\s*[,)]");
    /**
     * A text a user reads, written into Java code instead of taken from the bundles: a string literal with a letter
     * handed to a screen's error or notice, to a property's {@code set}, to a control's text or tooltip, or to a
     * new control.
     */
    private static final Pattern LITERAL_IN_CODE = Pattern.compile(
            "(?:state\\.(?:error|notice)|\\.set|\\.setText|\\.setPromptText|\\.setAccessibleText|\\.setTitle|\\.setHeaderText"
                    + "|\\.setContentText|new (?:Label|Button|Tooltip|MenuItem|Menu|CheckBox|Hyperlink|TableColumn<[^>]*>|Text))"
                    + "\\(\\s*\"[^\"]*\\p{L}[^\"]*\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load(ENGLISH);
        Properties spanish = load(SPANISH);

        assertThat(english).as("English texts").isNotEmpty();
        assertThat(spanish.stringPropertyNames()).as("keys of " + SPANISH)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (Properties bundle : List.of(english, spanish)) {
            for (String key : bundle.stringPropertyNames()) {
                assertThat(bundle.getProperty(key).strip()).as(key).isNotEmpty();
            }
        }
    }

    @Test
    void noFxmlFileHasALiteralText() throws Exception {
        List<String> literals = new ArrayList<>();
        for (Path fxml : fxmlFiles()) {
            for (TextUse use : textsOf(fxml)) {
                if (!use.value().startsWith("%") && LETTER.matcher(use.value()).find()) {
                    literals.add(use.toString());
                }
            }
        }
        assertThat(literals).as("texts written into FXML instead of taken from the bundle as %key").isEmpty();
    }

    @Test
    void everyKeyAnFxmlFileUsesIsInTheBundle() throws Exception {
        Set<String> keys = load(ENGLISH).stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        int used = 0;
        for (Path fxml : fxmlFiles()) {
            for (TextUse use : textsOf(fxml)) {
                if (use.value().startsWith("%")) {
                    used++;
                    if (!keys.contains(use.value().substring(1))) {
                        missing.add(use.toString());
                    }
                }
            }
        }
        assertThat(used).as("texts the FXML files take from the bundle").isPositive();
        assertThat(missing).as("keys used in FXML but missing from " + ENGLISH).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Set<String> keys = load(ENGLISH).stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path java : javaFiles()) {
            var m = KEY_IN_CODE.matcher(Files.readString(java));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(JAVA_ROOT.relativize(java) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("keys named in code but missing from " + ENGLISH).isEmpty();
    }

    @Test
    void noCodeHandsTheUserALiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path java : javaFiles()) {
            String[] lines = Files.readString(java).split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (LITERAL_IN_CODE.matcher(lines[i]).find()) {
                    literals.add(JAVA_ROOT.relativize(java) + ":" + (i + 1) + " " + lines[i].strip());
                }
            }
        }
        assertThat(literals).as("texts written into code instead of taken from the bundle with Texts.text").isEmpty();
    }

    @Test
    void everyServerErrorCodeHasItsOwnText() throws IOException {
        Set<String> keys = load(ENGLISH).stringPropertyNames();
        List<String> missing = java.util.Arrays.stream(coffer.core.error.ErrorCode.values())
                .map(c -> "error." + c.name()).filter(k -> !keys.contains(k)).toList();
        assertThat(missing).as("ErrorCodes without a text of their own").isEmpty();
    }

    @Test
    void everyKindAndStatusTheApiSendsHasItsOwnText() throws IOException {
        Set<String> keys = load(ENGLISH).stringPropertyNames();
        List<String> missing = new ArrayList<>();
        Map<String, Enum<?>[]> words = Map.of("kind.", coffer.core.ledger.TransactionKind.values(),
                "status.", coffer.core.ledger.TransactionStatus.values(),
                "walletStatus.", coffer.core.wallet.WalletStatus.values(),
                "kycStatus.", coffer.core.kyc.KycStatus.values());
        words.forEach((prefix, values) -> java.util.Arrays.stream(values)
                .map(v -> prefix + v.name().toLowerCase(java.util.Locale.ROOT))
                .filter(k -> !keys.contains(k)).forEach(missing::add));
        assertThat(missing).as("kinds and statuses without a text (format/Names)").isEmpty();
    }

    /**
     * A text with arguments is read by MessageFormat, where a lone apostrophe starts a quote and swallows the rest
     * ("can't {0}" would show "cant {0}"): it must be written twice.
     */
    @Test
    void textsWithArgumentsDoubleTheirApostrophes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String resource : List.of(ENGLISH, SPANISH)) {
            Properties bundle = load(resource);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (PLACEHOLDER.matcher(text).find() && text.replace("''", "").contains("'")) {
                    wrong.add(resource + " " + key);
                }
            }
        }
        assertThat(wrong).as("texts with {n} and a single apostrophe").isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA_ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * Loads a bundle file as Java 9+ ResourceBundle reads it (UTF-8); a file that is not valid UTF-8 would be read
     * as ISO-8859-1 instead, and its accents would show garbled, so that fails here.
     */
    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            byte[] bytes = in.readAllBytes();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError(resource + " is not UTF-8", e);
            }
            assertDistinctKeys(resource, text);
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        }
    }

    /** Properties keep the last of two equal keys without a word; a key written twice is a mistake. */
    private static void assertDistinctKeys(String resource, String text) {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            String key = trimmed.split("\\s*[=:]\\s*|\\s+", 2)[0];
            if (!seen.add(key)) {
                twice.add(key);
            }
        }
        assertThat(twice).as("keys written twice in " + resource).isEmpty();
    }

    private static List<Path> fxmlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(FXML_ROOT)) {
            List<Path> fxml = files.filter(p -> p.toString().endsWith(".fxml")).sorted().toList();
            assertThat(fxml).as("FXML files under " + FXML_ROOT.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(13);
            return fxml;
        }
    }

    private static List<TextUse> textsOf(Path fxml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(fxml.toFile());
        List<TextUse> uses = new ArrayList<>();
        collect(fxml, document.getDocumentElement(), uses);
        return uses;
    }

    private static void collect(Path fxml, Element element, List<TextUse> uses) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (attribute.getNamespaceURI() == null && TEXT_PROPERTIES.contains(attribute.getLocalName())) {
                uses.add(new TextUse(fxml, element.getLocalName() + "." + attribute.getLocalName(), attribute.getNodeValue()));
            }
        }
        // a property written as an element, <Label><text>Hello</text></Label>, or <Tooltip><text>…</text></Tooltip>
        if (TEXT_PROPERTIES.contains(element.getLocalName()) && !hasChildElements(element)) {
            uses.add(new TextUse(fxml, "<" + element.getLocalName() + ">", element.getTextContent().strip()));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collect(fxml, child, uses);
            }
        }
    }

    private static boolean hasChildElements(Element element) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private record TextUse(Path fxml, String where, String value) {
        @Override
        public String toString() {
            return fxml.getFileName() + " " + where + "=\"" + value + "\"";
        }
    }
}
