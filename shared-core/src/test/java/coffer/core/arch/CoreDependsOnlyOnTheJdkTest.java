package coffer.core.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** shared-core is reused by the server, the app and partners' Java code, so it may need nothing but the JDK. */
class CoreDependsOnlyOnTheJdkTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("coffer.core");

    @Test
    void coreDependsOnNothingOutsideTheJdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("coffer.core..", "java..", "javax.crypto..")
                .because("shared-core must be usable with no other library on the class path")
                .check(CORE);
    }

    @Test
    void coreWasImported() {
        // guards the rule above against passing on an empty import
        org.assertj.core.api.Assertions.assertThat(CORE.containPackage("coffer.core.money")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CORE.containPackage("coffer.core.ledger")).isTrue();
    }
}
