package io.mailsync.testkit.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's generated document rewritten to what a client of the gateway sees (ADR 0018): the paths are the public
 * ones already (every service serves {@code /api/v1/...}, the gateway routes them unchanged); the security is the
 * gateway's one bearer scheme; every operation carries the answers the gateway adds in front of it (401, 403, 429 and
 * 503 with {@code Retry-After}, 413 where there is a body, {@code RateLimit}/{@code RateLimit-Policy} on success —
 * the scope it needs ({@code x-required-scope}, from the enforced table) —
 * api-gateway/README.md), every error as {@code application/problem+json}, and each names its service in
 * {@code x-mailsync-service}.
 */
final class PublicForm {

    static final String SERVICE = "x-mailsync-service";
    static final String SCOPE = "x-required-scope";
    /** {@link #SCOPE} of an operation that needs no token at all. */
    static final String NONE = "none";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");
    private static final JsonNode COMMON = JSON.readTree(PublicForm.class.getResourceAsStream("public-common.json"));

    private PublicForm() {
    }

    static ObjectNode of(JsonNode generated, String service, PublicApiDocument.ScopeTable scopes) {
        ObjectNode part = JSON.createObjectNode();
        ObjectNode paths = part.putObject("paths");
        generated.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getValue().isObject() && op.getValue().has("responses")) {
                ObjectNode operation = (ObjectNode) op.getValue().deepCopy();
                // an operation that says "security: []" is open to a caller without a token (RFC 9728's metadata)
                boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
                if (!open) {
                    operation.remove("security");
                }
                operation.put(SERVICE, service);
                String scope = open ? NONE : scopes.requiredFor(new MockHttpServletRequest(op.getKey().toUpperCase(),
                        path.getKey().replaceAll("\\{[^}]+}", "x1"))).orElse("any");
                operation.put(SCOPE, scope);
                String needs = open ? "Needs no token." : scope.equals("any") ? "Needs any valid token."
                        : "Needs scope `" + scope + "`.";
                String description = operation.path("description").asString("");
                if (!description.endsWith(needs)) { // the gateway's own part is read back from what it serves
                    operation.put("description", (description + " " + needs).strip());
                }
                if (open) {
                    problems((ObjectNode) operation.get("responses"));
                } else {
                    addGatewayAnswers(operation);
                }
                ObjectNode item = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey())
                        : paths.putObject(path.getKey());
                item.set(op.getKey(), operation);
            }
        }));
        part.putObject("components").set("schemas", generated.path("components").path("schemas").deepCopy());
        part.set("tags", generated.path("tags").isArray() ? generated.path("tags").deepCopy()
                : JSON.createArrayNode());
        return part;
    }

    /** Every error is RFC 9457 problem+json (the services' and the gateway's problem handlers). */
    private static void problems(ObjectNode responses) {
        responses.properties().forEach(r -> {
            if (!r.getKey().startsWith("2") && r.getValue() instanceof ObjectNode response && !response.has("$ref")) {
                // springdoc cannot see the problem handlers and gives an error the handler's return type
                response.putObject("content").putObject("application/problem+json").putObject("schema")
                        .put("$ref", "#/components/schemas/ProblemDetail");
            }
        });
    }

    /** What the gateway answers in front of an /api/ operation: its limits, its token check, a service down. */
    private static void addGatewayAnswers(ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        problems(responses);
        responses.properties().forEach(r -> {
            if (r.getKey().startsWith("2") && r.getValue() instanceof ObjectNode response) {
                ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers")
                        : response.putObject("headers");
                headers.putObject("RateLimit").put("$ref", "#/components/headers/RateLimit");
                headers.putObject("RateLimit-Policy").put("$ref", "#/components/headers/RateLimit-Policy");
            }
        });
        Map<String, String> added = new java.util.LinkedHashMap<>(Map.of("401", "Unauthorized", "403", "Forbidden",
                "429", "TooManyRequests", "503", "Unavailable"));
        if (operation.has("requestBody")) {
            added.put("413", "TooLarge");
        }
        added.forEach((status, ref) -> {
            if (!responses.has(status)) {
                responses.putObject(status).put("$ref", "#/components/responses/" + ref);
            }
        });
        ObjectNode sorted = JSON.createObjectNode();
        new TreeSet<>(responses.propertyNames()).forEach(status -> sorted.set(status, responses.get(status)));
        operation.set("responses", sorted);
    }

    /** The whole document: fixed parts from {@code public-common.json}, then paths, tags and the schemas in use. */
    static ObjectNode document(Map<String, Map<String, JsonNode>> paths, Map<String, JsonNode> schemas,
                               Map<String, JsonNode> tags, List<String> methodOrder) {
        ObjectNode doc = (ObjectNode) COMMON.deepCopy();
        ArrayNode tagList = doc.putArray("tags");
        tags.values().forEach(tagList::add);
        ObjectNode pathNode = doc.putObject("paths");
        paths.forEach((path, ops) -> {
            ObjectNode item = pathNode.putObject(path);
            methodOrder.stream().filter(ops::containsKey).forEach(m -> item.set(m, ops.get(m)));
        });
        ObjectNode components = (ObjectNode) doc.get("components");
        Map<String, JsonNode> all = new java.util.TreeMap<>();
        COMMON.path("components").path("schemas").properties().forEach(s -> all.put(s.getKey(), s.getValue()));
        all.putAll(schemas); // a service's own ProblemDetail (springdoc's, from Spring's class) wins over the fallback
        ObjectNode schemaNode = JSON.createObjectNode();
        Set<String> used = used(doc, all);
        all.forEach((name, schema) -> {
            if (used.contains(name)) {
                schemaNode.set(name, schema);
            }
        });
        components.set("schemas", schemaNode);
        return doc;
    }

    /** Schemas referenced from the paths or the fixed parts, and those they reference in turn. */
    private static Set<String> used(JsonNode doc, Map<String, JsonNode> schemas) {
        Set<String> used = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(doc));
        while (!todo.isEmpty()) {
            Matcher m = REF.matcher(todo.pop().toString());
            while (m.find()) {
                if (used.add(m.group(1)) && schemas.containsKey(m.group(1))) {
                    todo.push(schemas.get(m.group(1)));
                }
            }
        }
        return used;
    }
}
