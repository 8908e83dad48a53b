package coffer.server;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Controllers parse; services take typed values. Only the HTTP layer and the {@code *Routes} controllers
     * (with their nested and anonymous classes) read requests through {@code Requests}.
     */
    @Test
    void onlyTheHttpLayerAndTheControllersReadRequests() {
        noClasses().that().resideOutsideOfPackage("coffer.server.http..").and(not(insideAController()))
                .should().dependOnClassesThat().haveFullyQualifiedName("coffer.server.http.Requests")
                .because("a service takes typed values; its controller reads the request (json.RequestBodies reads a body without HTTP)")
                .check(SERVER);
    }

    /**
     * The bundled provider simulator stands in for a company of its own: it reaches Coffer only over HTTP. It
     * is mounted on Coffer's Javalin, so it uses the HTTP layer's plumbing (route roles, HTML page headers) but
     * not {@code Requests}, and it keeps its tables in Coffer's database through the {@code db} layer, which
     * sits below everything and knows no feature (a copy of the JDBC helper would only be a second helper).
     * It uses nothing of the ledger (not even {@code Ids}) nor of any feature.
     */
    @Test
    void theProviderSimulatorReachesCofferOnlyOverHttp() {
        noClasses().that().resideInAPackage("coffer.server.provider..")
                .should().dependOnClassesThat(resideInAPackage("coffer.server..")
                        .and(not(resideInAnyPackage("coffer.server.provider..", "coffer.server.http..", "coffer.server.json..",
                                "coffer.server.db.."))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("coffer.server.http.Requests")
                .check(SERVER);
    }

    /** With the {@code db} layer allowed, what keeps the simulator out of Coffer's data is that its SQL names only its own tables. */
    @Test
    void theProviderSimulatorsSqlNamesOnlyItsOwnTables() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern table = Pattern.compile("\\b(?:FROM|INTO|UPDATE|JOIN)\\s+([a-z_]+)");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/coffer/server/provider"))) {
            for (Path source : sources.toList()) {
                Matcher strings = literal.matcher(Files.readString(source));
                while (strings.find()) {
                    Matcher named = table.matcher(strings.group(1));
                    while (named.find()) {
                        tables.add(named.group(1));
                    }
                }
            }
        }
        assertThat(tables).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("provider_"));
    }

    /** The ledger's parts (engine, rules, feed, query, tasks) build on one another in one direction. */
    @Test
    void theLedgersPartsHaveNoCycles() {
        slices().matching("coffer.server.ledger.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    /**
     * The engine runs tasks it does not know: it uses nothing of the rules, tasks, reads or feed above it, nor
     * any feature. Of the ledger's own package it uses the values it stores and answers (Outcome,
     * IdempotencyKey, Fingerprint, Movement, ...), never the service that drives it.
     */
    @Test
    void theLedgerEngineKnowsNoTaskNorFeature() {
        noClasses().that().resideInAPackage("coffer.server.ledger.engine..")
                .should().dependOnClassesThat(resideInAPackage("coffer.server..").and(not(resideInAnyPackage(
                        "coffer.server.ledger.engine..", "coffer.server.ledger", "coffer.server.db..", "coffer.server.json.."))))
                .orShould().dependOnClassesThat().haveSimpleName("LedgerService")
                .orShould().dependOnClassesThat().haveSimpleName("LedgerReads")
                .check(SERVER);
    }

    /** Nothing below the facade drives it: the ledger's parts use its values, not its service. */
    @Test
    void theLedgersPartsDoNotCallTheFacade() {
        noClasses().that().resideInAPackage("coffer.server.ledger.(*)..")
                .should().dependOnClassesThat().haveSimpleName("LedgerService")
                .orShould().dependOnClassesThat().haveSimpleName("LedgerReads")
                .check(SERVER);
    }

    /**
     * Tenants, payments and every other feature plug into the ledger (their tasks through
     * {@code LedgerService.run}); the ledger knows none of them.
     */
    @Test
    void featuresDependOnTheLedgerNotTheReverse() {
        noClasses().that().resideInAPackage("coffer.server.ledger..")
                .should().dependOnClassesThat(resideInAPackage("coffer.server..").and(not(resideInAnyPackage(
                        "coffer.server.ledger..", "coffer.server.db..", "coffer.server.json.."))))
                .because("a feature's tasks implement the ledger's public LedgerTask; the ledger names no feature")
                .check(SERVER);
    }

    @Test
    void moneyIsNeverADouble() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
                .because("money is long minor units; parsing goes through BigDecimal")
                .check(SERVER);
    }

    /** A class of a {@code *Routes} controller, or nested in one. */
    private static DescribedPredicate<JavaClass> insideAController() {
        return DescribedPredicate.describe("inside a *Routes controller", c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getSimpleName().endsWith("Routes");
        });
    }
}
