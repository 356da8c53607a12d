package io.mailsync.testkit.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public API document, {@code api-gateway/src/main/resources/openapi/mailsync-api.json}: what the gateway serves
 * at {@code /v3/api-docs} and what {@code api-client} is generated from (issue 19, ADR 0018). It is the aggregate of
 * the documents springdoc generates from sync-, quota- and webhook-service's controllers and the gateway's own, each
 * rewritten to the public form ({@link PublicForm}). It is checked in, so the gateway starts without asking anyone;
 * each service's contract test holds its generated document against its part of the file and fails on any
 * difference — or, run with {@code -Dmailsync.openapi.write=true}, rewrites its part (then review the diff).
 */
public final class PublicApiDocument {

    public static final String WRITE = "mailsync.openapi.write";
    static final String FILE = "api-gateway/src/main/resources/openapi/mailsync-api.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private PublicApiDocument() {
    }

    /**
     * The scope a request needs, from the table the gateway and the services enforce (service-support's
     * {@code ApiScopes::requiredFor}); empty where any valid token will do. Each operation's {@code x-required-scope}
     * comes from it, so the document cannot promise another scope than the one checked.
     */
    @FunctionalInterface
    public interface ScopeTable {
        Optional<String> requiredFor(HttpServletRequest request);
    }

    /** The checked-in document, as the gateway serves it. */
    public static JsonNode load() {
        try {
            return JSON.readTree(Files.readString(file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code generated} (the service's own springdoc document) rewritten to the public form is exactly
     * the service's part of the checked-in document; with {@code -Dmailsync.openapi.write=true} writes it instead.
     */
    public static void assertCurrent(String service, JsonNode generated, ScopeTable scopes) {
        JsonNode current = Files.exists(file()) ? load() : JSON.createObjectNode();
        ObjectNode merged = merge(current, service, PublicForm.of(generated, service, scopes));
        List<String> differences = differences(current, merged, service);
        if (differences.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean(WRITE)) {
            write(merged);
            return;
        }
        throw new AssertionError(service + "'s controllers and the public API document (" + FILE + ") differ:\n  "
                + String.join("\n  ", differences) + "\nIf the change is meant, regenerate the document with "
                + "-D" + WRITE + "=true (then review its diff: it is the public contract and api-client's input).");
    }

    /** The document with {@code service}'s operations, schemas and tags replaced by those of {@code part}. */
    static ObjectNode merge(JsonNode current, String service, JsonNode part) {
        Map<String, Map<String, JsonNode>> paths = new TreeMap<>();
        current.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!service.equals(op.getValue().path(PublicForm.SERVICE).asString())) {
                paths.computeIfAbsent(path.getKey(), p -> new TreeMap<>()).put(op.getKey(), op.getValue());
            }
        }));
        part.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                paths.computeIfAbsent(path.getKey(), p -> new TreeMap<>()).put(op.getKey(), op.getValue())));
        Map<String, JsonNode> schemas = new TreeMap<>();
        current.path("components").path("schemas").properties().forEach(s -> schemas.put(s.getKey(), s.getValue()));
        part.path("components").path("schemas").properties().forEach(s -> {
            JsonNode other = schemas.put(s.getKey(), s.getValue());
            if (other != null && !other.equals(s.getValue()) && usedByOthers(paths, service, s.getKey())) {
                throw new IllegalStateException("schema " + s.getKey() + " of " + service + " differs from another "
                        + "service's of that name: name one of them apart (@Schema(name = ...))");
            }
        });
        Map<String, JsonNode> tags = new TreeMap<>();
        for (JsonNode tag : current.path("tags")) {
            tags.put(tag.path("name").asString(), tag);
        }
        for (JsonNode tag : part.path("tags")) {
            tags.put(tag.path("name").asString(), tag);
        }
        return PublicForm.document(paths, schemas, tags, METHODS);
    }

    private static boolean usedByOthers(Map<String, Map<String, JsonNode>> paths, String service, String schema) {
        String ref = "\"#/components/schemas/" + schema + "\"";
        return paths.values().stream().flatMap(ops -> ops.values().stream())
                .filter(op -> !service.equals(op.path(PublicForm.SERVICE).asString()))
                .anyMatch(op -> op.toString().contains(ref));
    }

    /** How {@code actual} differs from {@code expected}: one line per operation, schema or other part. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        return differences(expected, actual, "the code");
    }

    /** What writing {@code merged} would change, one line per operation, schema or other part. */
    static List<String> differences(JsonNode current, JsonNode merged, String service) {
        List<String> lines = new ArrayList<>();
        for (String path : union(current.path("paths"), merged.path("paths"))) {
            for (String method : union(current.path("paths").path(path), merged.path("paths").path(path))) {
                JsonNode before = current.path("paths").path(path).path(method);
                JsonNode after = merged.path("paths").path(path).path(method);
                if (!before.equals(after)) {
                    lines.add(method.toUpperCase() + " " + path + ": " + (before.isMissingNode() ? "not documented"
                            : after.isMissingNode() ? "documented, but " + service + " has no such route"
                            : "documented otherwise than the code says"));
                }
            }
        }
        JsonNode beforeSchemas = current.path("components").path("schemas");
        JsonNode afterSchemas = merged.path("components").path("schemas");
        for (String schema : union(beforeSchemas, afterSchemas)) {
            if (!beforeSchemas.path(schema).equals(afterSchemas.path(schema))) {
                lines.add("schema " + schema + ": differs");
            }
        }
        for (String field : union(current, merged)) {
            if (!field.equals("paths") && !field.equals("components") && !Objects.equals(current.get(field),
                    merged.get(field))) {
                lines.add(field + ": differs");
            }
        }
        JsonNode before = current.path("components");
        JsonNode after = merged.path("components");
        for (String field : union(before, after)) {
            if (!field.equals("schemas") && !before.path(field).equals(after.path(field))) {
                lines.add("components." + field + ": differs");
            }
        }
        return lines;
    }

    private static List<String> union(JsonNode a, JsonNode b) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        a.propertyNames().forEach(n -> names.put(n, true));
        b.propertyNames().forEach(n -> names.put(n, true));
        return List.copyOf(names.keySet());
    }

    private static void write(JsonNode document) {
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file in the source tree, found from the module a test runs in (or the root). */
    static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("api-gateway")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve(FILE);
            }
        }
        throw new IllegalStateException("no api-gateway module above " + Path.of("").toAbsolutePath());
    }
}
