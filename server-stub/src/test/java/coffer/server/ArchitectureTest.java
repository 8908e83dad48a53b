package coffer.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The direction of dependencies inside the server, as ARCHITECTURE.md draws it. */
class ArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("coffer.server");

    @Test
    void theLedgerKnowsNothingOfHttpOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("coffer.server.ledger..", "coffer.server.db..")
                .should().dependOnClassesThat().resideInAnyPackage("coffer.server.http..", "coffer.server.cli..",
                        "io.javalin..", "picocli..")
                .check(SERVER);
    }

    @Test
    void theDatabaseLayerIsBelowEverythingElseOfTheServer() {
        noClasses().that().resideInAPackage("coffer.server.db..")
                .should().dependOnClassesThat(resideInAPackage("coffer.server..").and(not(resideInAPackage("coffer.server.db.."))))
                .because("every store builds on db; an arrow back up would make a cycle")
                .check(SERVER);
    }

    @Test
    void httpRoutesReachTheLedgerOnlyThroughTheService() {
        noClasses().that().resideInAPackage("coffer.server.http..")
                .should().dependOnClassesThat(resideInAPackage("coffer.server.ledger..").and(simpleNameEndingWith("Task")))
                .orShould().dependOnClassesThat().haveSimpleName("Batch")
                .orShould().dependOnClassesThat().haveSimpleName("LedgerWriter")
                .check(SERVER);
    }

    @Test
    void moneyIsNeverADouble() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
                .because("money is long minor units; parsing goes through BigDecimal")
                .check(SERVER);
    }
}
