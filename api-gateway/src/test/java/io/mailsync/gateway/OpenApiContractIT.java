package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.support.security.ApiScopes;
import io.mailsync.testkit.openapi.PublicApiDocument;
import io.mailsync.testkit.openapi.RouteDrift;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 19: the gateway's own routes — push — are in the public document as springdoc generates them from
 * {@code EventsController} (rewritten to the public form), with every parameter they read. This context scans the
 * gateway's controllers, which the served one does not (RoutingIT checks that what is served is the file).
 */
@TestPropertySource(properties = "springdoc.packages-to-exclude=io.mailsync.none")
@Import(OpenApiContractIT.GeneratedOnly.class)
class OpenApiContractIT extends SharedGateway {

    /** Springdoc's own document of the gateway's controllers, not merged into the checked-in one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class GeneratedOnly {
        @Bean
        @Primary
        OpenAPI generatedOnly() {
            return new OpenAPI();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String METADATA = "/.well-known/oauth-protected-resource";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theGatewaysOwnRoutesAreDocumentedAsItsControllersSay() {
        PublicApiDocument.assertCurrent("api-gateway", ownPart(served()), ApiScopes::requiredFor);
    }

    @Test
    void everyRouteAndParameterTheGatewaysControllersReadIsDocumented() {
        assertThat(RouteDrift.findings(mappings, PublicApiDocument.load(), this::ownRoute)).isEmpty();
    }

    private boolean ownRoute(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("io.mailsync.gateway")
                && mappings.getHandlerMethods().entrySet().stream().filter(e -> e.getValue().equals(handler))
                .flatMap(e -> e.getKey().getPatternValues().stream()).anyMatch(p -> p.startsWith("/api/"));
    }

    /**
     * RFC 9728's metadata is answered by Spring Security's filter, not a controller, so {@link RouteDrift} cannot see
     * it: what the gateway really answers is held against the documented schema — every field it writes documented,
     * every required one written.
     */
    @Test
    void theProtectedResourceMetadataIsAnsweredAsDocumented() {
        JsonNode document = PublicApiDocument.load();
        JsonNode operation = document.path("paths").path(METADATA).path("get");
        assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
                .as("documented as open to a caller without a token").isTrue();
        HttpResponse<String> answer = new GatewayClient(port).get(METADATA, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        String ref = operation.path("responses").path("200").path("content").path("application/json")
                .path("schema").path("$ref").asString();
        JsonNode schema = document.path("components").path("schemas").path(ref.replace("#/components/schemas/", ""));
        JsonNode metadata = JSON.readTree(answer.body());
        assertThat(metadata.propertyNames()).as("every field answered is documented")
                .isSubsetOf(schema.path("properties").propertyNames());
        assertThat(metadata.propertyNames()).as("every required field is answered")
                .containsAll(schema.path("required").valueStream().map(JsonNode::asString).toList());
    }

    /** The operations of the routes the gateway's own controllers map, as springdoc documents them. */
    private ObjectNode ownPart(JsonNode served) {
        ObjectNode part = JSON.createObjectNode();
        ObjectNode paths = part.putObject("paths");
        Set<String> tags = new TreeSet<>();
        // answered by the security filter chain, documented by ProtectedResourceMetadataDoc
        paths.set(METADATA, served.path("paths").path(METADATA));
        served.path("paths").path(METADATA).path("get").path("tags").forEach(t -> tags.add(t.asString()));
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (ownRoute(handler)) {
                info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods().forEach(m -> {
                    JsonNode op = served.path("paths").path(path).path(m.name().toLowerCase());
                    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
                    item.set(m.name().toLowerCase(), op);
                    op.path("tags").forEach(t -> tags.add(t.asString()));
                }));
            }
        });
        part.set("components", served.path("components"));
        part.set("tags", JSON.valueToTree(served.path("tags").valueStream()
                .filter(t -> tags.contains(t.path("name").asString())).toList()));
        return part;
    }

    private JsonNode served() {
        HttpResponse<String> docs = new GatewayClient(port).get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        return JSON.readTree(docs.body());
    }
}
