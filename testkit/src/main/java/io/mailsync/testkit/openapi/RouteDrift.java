package io.mailsync.testkit.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * What a service's controllers really answer, held against an OpenAPI document: every route (path and method) that
 * Spring MVC maps must be documented with an operationId and a tag, every path variable, query parameter, header and
 * body the handler reads must be documented as the handler reads it (name, place, required), and nothing may be
 * documented that the handler does not read. Read from {@link RequestMappingHandlerMapping}, so a new controller or a
 * new {@code @RequestParam} is seen whether or not anyone annotated it (issue 19: the document had drifted).
 */
public final class RouteDrift {

    private RouteDrift() {
    }

    /** One parameter as a handler reads it: {@code in} is path, query, header or body. */
    record Param(String in, String name, boolean required) {
        String describe() {
            return in.equals("body") ? "request body" : in + " parameter " + name;
        }
    }

    /**
     * @param routes   which handlers are the API's (e.g. those in {@code io.mailsync.sync}; not springdoc's own)
     * @return one line per difference, empty when the document tells what the code does
     */
    public static List<String> findings(RequestMappingHandlerMapping mapping, JsonNode document,
                                        Predicate<HandlerMethod> routes) {
        List<String> findings = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!routes.test(e.getValue())) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                    findings.addAll(check(method.name() + " " + path,
                            document.path("paths").path(path).path(method.name().toLowerCase()), e.getValue()));
                }
            }
        }
        return findings.stream().sorted().toList();
    }

    private static List<String> check(String route, JsonNode operation, HandlerMethod handler) {
        String where = route + " (" + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + ")";
        if (operation.isMissingNode()) {
            return List.of(where + ": not documented");
        }
        List<String> findings = new ArrayList<>();
        if (operation.path("operationId").asString("").isBlank()) {
            findings.add(where + ": no operationId");
        }
        if (operation.path("tags").isEmpty()) {
            findings.add(where + ": no tag");
        }
        // springdoc names an un-annotated controller's tag after the class: the route was never documented on purpose
        operation.path("tags").forEach(tag -> {
            if (tag.asString().endsWith("-controller")) {
                findings.add(where + ": tag " + tag.asString() + " is springdoc's default: give it @Tag and @Operation");
            }
        });
        Map<String, Param> documented = documented(operation);
        for (MethodParameter parameter : handler.getMethodParameters()) {
            read(parameter).ifPresent(p -> {
                Param doc = documented.remove(p.in() + ":" + p.name());
                if (doc == null) {
                    findings.add(where + ": reads " + p.describe() + ", which is not documented");
                } else if (doc.required() != p.required()) {
                    findings.add(where + ": " + p.describe() + " is " + (p.required() ? "" : "not ")
                            + "required, documented as " + (doc.required() ? "" : "not ") + "required");
                }
            });
        }
        documented.values().forEach(p -> findings.add(where + ": documents " + p.describe()
                + ", which the handler does not read"));
        return findings;
    }

    private static Map<String, Param> documented(JsonNode operation) {
        Map<String, Param> params = new HashMap<>();
        for (JsonNode p : operation.path("parameters")) {
            String in = p.path("in").asString();
            String name = in.equals("header") ? p.path("name").asString().toLowerCase() : p.path("name").asString();
            params.put(in + ":" + name, new Param(in, name, p.path("required").asBoolean(false)));
        }
        if (operation.has("requestBody")) {
            params.put("body:body", new Param("body", "body", operation.path("requestBody").path("required")
                    .asBoolean(false)));
        }
        return params;
    }

    /** The parameter as the handler reads it from the request, or empty for what the request does not carry. */
    static Optional<Param> read(MethodParameter parameter) {
        boolean optional = parameter.getParameterType() == Optional.class;
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return Optional.of(new Param("path", name(path.name(), path.value(), parameter), true));
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            return Optional.of(new Param("query", name(query.name(), query.value(), parameter),
                    query.required() && !optional && query.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return Optional.of(new Param("header", name(header.name(), header.value(), parameter).toLowerCase(),
                    header.required() && !optional && header.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
        }
        RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
        if (body != null) {
            return Optional.of(new Param("body", "body", body.required() && !optional));
        }
        return Optional.empty();
    }

    /** {@code name} and {@code value} are aliases: at most one of them is set. */
    private static String name(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }
}
