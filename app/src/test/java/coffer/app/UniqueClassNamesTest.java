package coffer.app;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * No two main classes of the build share a simple name unless they are the same thing: a name says what a
 * class does, so two different things get two names. The app's test class path is the one that holds the whole
 * build (app, server-stub, shared-core), so the check lives here. Top-level classes only: a nested type is
 * always read with its outer class ({@code ReturnPage.Outcome}).
 */
class UniqueClassNamesTest {
    private static final JavaClasses BUILD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("coffer");

    /** Names that two classes may still share, each with the reason; remove an entry once it no longer applies. */
    private static final Map<String, String> STILL_SHARED = Map.of();

    @Test
    void noTwoMainClassesOfTheBuildShareASimpleName() {
        assertThat(BUILD.contain("coffer.app.CofferApp")).isTrue();
        assertThat(BUILD.contain("coffer.server.CofferServer")).isTrue();
        assertThat(BUILD.contain("coffer.core.money.Money")).isTrue();

        Map<String, List<String>> byName = BUILD.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(groupingBy(JavaClass::getSimpleName, TreeMap::new, mapping(JavaClass::getName, toList())));
        Map<String, List<String>> shared = new TreeMap<>(byName);
        shared.values().removeIf(classes -> classes.size() < 2);

        assertThat(shared.keySet())
                .as("simple names shared by different classes (rename one so each name says what it does): %s", shared)
                .containsExactlyInAnyOrderElementsOf(STILL_SHARED.keySet());
    }
}
