package coffer.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The app's layers: views bind to ViewModels; ViewModels and services talk to the server. */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("coffer.app");

    @Test
    void viewsNeverTouchTheApiClientTheServerOrADatabase() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAnyPackage("coffer.app.api..", "coffer.server..", "java.sql..",
                        "okhttp3..", "retrofit2..")
                .check(APP);
    }

    @Test
    void onlyViewModelsAndTheApiPackageUseTheApiClient() {
        noClasses().that().haveSimpleNameNotEndingWith("ViewModel").and().resideOutsideOfPackage("coffer.app.api")
                .should().dependOnClassesThat().haveFullyQualifiedName("coffer.app.api.ApiClient")
                .check(APP);
    }

    @Test
    void onlyTheEmbeddedServerStarterKnowsTheServersInsides() {
        noClasses().that().doNotHaveFullyQualifiedName("coffer.app.server.EmbeddedServer")
                .should().dependOnClassesThat().resideInAPackage("coffer.server..")
                .check(APP);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..")
                .check(APP);
    }

    @Test
    void theApiClientDoesNotKnowJavaFx() {
        noClasses().that().resideInAPackage("coffer.app.api..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(APP);
    }
}
