package io.mailsync.testkit.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every status a documented route really answers is documented (issue 19, ADR 0018). {@link RouteDrift} reads the
 * request mappings, so it sees what a handler reads but not what it answers: a 404, 409 or 503 that comes from an
 * exception through a problem handler ({@code @ExceptionHandler}, {@code @RestControllerAdvice}) is invisible to it.
 * This sees them where they happen: {@link Recording} puts a filter in front of a service under test that notes,
 * for every request a controller's handler of a documented operation took (its route pattern and method — the
 * gateway's functional routes, which pass the services' answers through, are the services' to check), the status it
 * answered
 * — an exception that escapes everything counts as 500 — and {@link Check}, a JUnit extension on the service's
 * integration tests, fails a test during which a route answered a status its operation does not document. So the
 * services' own integration tests, which drive the error paths, keep the document's statuses honest.
 *
 * <p>Not seen: answers given before a handler is chosen (the security filters' 401/403, a 404 for no route, a 415
 * or 406 from content negotiation, the UTF-8 check's 400) — the gateway's public form documents those on every
 * operation ({@link PublicForm}) — and a stream's status once it is open (SSE is 200 from its first byte).
 */
public final class DocumentedStatuses {

    private static final Set<String> UNDOCUMENTED = ConcurrentHashMap.newKeySet();
    private static volatile JsonNode document;

    private DocumentedStatuses() {
    }

    /** Puts the recording filter in front of the application: {@code builder.initializers(new Recording())}, or
     * {@code @ContextConfiguration(initializers = DocumentedStatuses.Recording.class)} on a {@code @SpringBootTest}. */
    public static final class Recording implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("documentedStatusesFilter", new StatusFilter());
        }
    }

    /** Fails the test during which a documented route answered an undocumented status (and, after all, the class). */
    public static final class Check implements AfterEachCallback, AfterAllCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            assertNoneUndocumented();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            assertNoneUndocumented();
        }
    }

    /** Fails with every undocumented (route, status) seen since the last call, and forgets them. */
    public static void assertNoneUndocumented() {
        List<String> seen = new ArrayList<>(new TreeSet<>(UNDOCUMENTED));
        UNDOCUMENTED.removeAll(seen);
        if (!seen.isEmpty()) {
            throw new AssertionError("routes answered statuses the public API document ("
                    + PublicApiDocument.FILE + ") does not give them — document each with @ApiResponse on the "
                    + "handler and regenerate (-D" + PublicApiDocument.WRITE + "=true):\n  " + String.join("\n  ", seen));
        }
    }

    /** Notes {@code status} for the documented operation {@code method pattern}; nothing for an undocumented route. */
    static void note(String method, String pattern, int status) {
        JsonNode operation = document().path("paths").path(pattern).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return; // not a public route (actuator, /v3/api-docs); RouteDrift answers for the public ones
        }
        JsonNode responses = operation.path("responses");
        if (!responses.has(Integer.toString(status)) && !responses.has("default")) {
            UNDOCUMENTED.add(method + " " + pattern + " answered " + status + ", which "
                    + operation.path("operationId").asString() + " does not document");
        }
    }

    private static JsonNode document() {
        JsonNode loaded = document;
        if (loaded == null) {
            loaded = PublicApiDocument.load();
            document = loaded;
        }
        return loaded;
    }

    /** First in the chain, so it sees the status the client gets, after every handler and problem mapping. */
    private static final class StatusFilter extends OncePerRequestFilter implements Ordered {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean escaped = true;
            try {
                chain.doFilter(request, response);
                escaped = false;
            } finally {
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                // a controller's handler only: the gateway's functional routes pass other services' answers through
                boolean controller = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                        instanceof HandlerMethod;
                if (pattern != null && controller && !request.isAsyncStarted()) {
                    note(request.getMethod(), pattern.toString(), escaped ? 500 : response.getStatus());
                }
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
