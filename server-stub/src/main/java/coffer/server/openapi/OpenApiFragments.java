package coffer.server.openapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the OpenAPI fragments: every {@code openapi/*.json} next to this class, whether the classes
 * are a folder (a build, the tests) or a jar (the shaded {@code coffer-server.jar}, the app's copy).
 * Listing the folder itself, rather than keeping an index, means a feature adds its file and nothing
 * else. Each fragment is {@code {"paths": {...}, "components": {"schemas": {...}}}}.
 */
final class OpenApiFragments {
    static final String FOLDER = "openapi";

    /** One fragment file: its name (for messages) and its JSON object. */
    record Fragment(String name, JsonObject body) {
    }

    private OpenApiFragments() {
    }

    /** The fragments of the classpath root this class was loaded from, sorted by file name. */
    static List<Fragment> load() {
        try {
            return load(Path.of(OpenApiFragments.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the server's classes", e);
        }
    }

    /**
     * The fragments under {@code openapi/} of a classpath root: a folder or a jar file.
     *
     * @throws IllegalStateException when a fragment is not a JSON object
     */
    static List<Fragment> load(Path classpathRoot) {
        try {
            if (Files.isDirectory(classpathRoot)) {
                return readFolder(classpathRoot.resolve(FOLDER));
            }
            try (FileSystem jar = FileSystems.newFileSystem(classpathRoot)) {
                return readFolder(jar.getPath(FOLDER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI fragments of " + classpathRoot, e);
        }
    }

    private static List<Fragment> readFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        List<Fragment> fragments = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            fragments.add(new Fragment(name, parse(name, Files.readString(file, StandardCharsets.UTF_8))));
        }
        return fragments;
    }

    static JsonObject parse(String name, String text) {
        try {
            JsonElement tree = JsonParser.parseString(text);
            if (!tree.isJsonObject()) {
                throw new IllegalStateException("OpenAPI fragment " + name + " is not a JSON object");
            }
            return tree.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalStateException("OpenAPI fragment " + name + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
