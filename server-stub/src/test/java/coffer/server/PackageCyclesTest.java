package coffer.server;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No new dependency cycles between the server's packages ({@code coffer.server.X}, subpackages counted with X;
 * the composition root in {@code coffer.server} itself depends on everything and is left out). The cycles that
 * exist today are frozen in {@link #KNOWN}: a new cycle, or a package joining a known one, fails; so does a
 * known cycle that is gone, so that its entry is deleted and the cycle cannot come back.
 */
class PackageCyclesTest {
    private static final String ROOT = "coffer.server.";

    /** Groups of packages that depend on each other today, each with what closes the loop. */
    private static final List<Set<String>> KNOWN = List.of(
            // http's authentication and cursors use auth's TokenService and Principal; AuthRoutes is an http controller
            Set.of("auth", "http"));

    @Test
    void noPackageCyclesBeyondTheKnownOnes() {
        JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coffer.server");
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass c : server) {
            String from = slice(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = slice(d.getTargetClass().getPackageName());
                if (target != null && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        assertThat(graph).containsKeys("ledger", "http", "payment", "provider");
        assertThat(cycles(graph)).as("groups of packages that depend on each other").containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    /** The package right under {@code coffer.server} that {@code pkg} belongs to, or null for the root and outside. */
    private static String slice(String pkg) {
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Groups of more than one package in which each reaches every other (the graph has a few dozen nodes). */
    private static Set<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Set<String>> reaches = new HashMap<>();
        graph.keySet().forEach(v -> reaches.put(v, reachable(graph, v)));
        Set<Set<String>> groups = new HashSet<>();
        for (String v : graph.keySet()) {
            Set<String> group = new TreeSet<>(Set.of(v));
            reaches.get(v).stream().filter(w -> reaches.getOrDefault(w, Set.of()).contains(v)).forEach(group::add);
            if (group.size() > 1) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (seen.add(v)) {
                todo.addAll(graph.getOrDefault(v, Set.of()));
            }
        }
        return seen;
    }
}
