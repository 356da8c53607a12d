package io.mailsync.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19: the drift check fails on planted violations — a controller that reads a parameter, a header or a route
 * the document does not have, or that the document says otherwise — read from Spring MVC's own request mappings.
 */
class RouteDriftTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RequestMappingHandlerMapping mappings;

    @RestController
    static class Things {
        @GetMapping("/api/v1/things/{thingId}")
        String thing(@PathVariable String thingId, @RequestParam(required = false) Integer limit,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
            return thingId;
        }

        @PostMapping("/api/v1/things")
        String add(@RequestBody String body) {
            return body;
        }
    }

    @BeforeAll
    static void mappings() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("things", Things.class);
        context.refresh();
        mappings = new RequestMappingHandlerMapping();
        mappings.setApplicationContext(context);
        mappings.afterPropertiesSet();
    }

    private static final String THING = """
            {"operationId":"getThing","tags":["things"],"parameters":[
              {"name":"thingId","in":"path","required":true},
              {"name":"limit","in":"query","required":false},
              {"name":"if-match","in":"header","required":false}],"responses":{"200":{}}}""";
    private static final String ADD = """
            {"operationId":"addThing","tags":["things"],"requestBody":{"required":true},"responses":{"201":{}}}""";

    private static List<String> findings(String thing, String add) {
        JsonNode doc = JSON.readTree("{\"paths\":{\"/api/v1/things/{thingId}\":{\"get\":" + thing
                + "},\"/api/v1/things\":" + (add == null ? "{}" : "{\"post\":" + add + "}") + "}}");
        return RouteDrift.findings(mappings, doc, h -> h.getBeanType() == Things.class);
    }

    @Test
    void aDocumentThatSaysWhatTheControllerReadsHasNoFindings() {
        assertThat(findings(THING, ADD)).isEmpty();
    }

    @Test
    void anUndocumentedQueryParameterIsFound() {
        assertThat(findings(THING.replace("{\"name\":\"limit\",\"in\":\"query\",\"required\":false},", ""), ADD))
                .containsExactly("GET /api/v1/things/{thingId} (Things.thing): reads query parameter limit, which is "
                        + "not documented");
    }

    @Test
    void anUndocumentedHeaderIsFoundWhateverItsCase() {
        assertThat(findings(THING.replace(",\n  {\"name\":\"if-match\",\"in\":\"header\",\"required\":false}", ""),
                ADD)).singleElement().asString().contains("reads header parameter if-match");
    }

    @Test
    void anUndocumentedRouteIsFound() {
        assertThat(findings(THING, null)).containsExactly("POST /api/v1/things (Things.add): not documented");
    }

    @Test
    void aDocumentedParameterTheHandlerDoesNotReadIsFound() {
        assertThat(findings(THING.replace("\"parameters\":[", "\"parameters\":[{\"name\":\"folder\",\"in\":\"query\"},"),
                ADD)).singleElement().asString().contains("documents query parameter folder, which the handler does not read");
    }

    @Test
    void requirednessThatDiffersIsFound() {
        assertThat(findings(THING, ADD.replace("\"required\":true", "\"required\":false")))
                .containsExactly("POST /api/v1/things (Things.add): request body is required, documented as not required");
    }

    @Test
    void anOperationWithoutOperationIdOrTagIsFound() {
        assertThat(findings(THING, ADD.replace("\"operationId\":\"addThing\",\"tags\":[\"things\"],", "")))
                .containsExactlyInAnyOrder("POST /api/v1/things (Things.add): no operationId",
                        "POST /api/v1/things (Things.add): no tag");
    }

    @Test
    void aRouteNobodyAnnotatedIsFoundByItsDefaultTag() {
        assertThat(findings(THING, ADD.replace("[\"things\"]", "[\"things-controller\"]")))
                .containsExactly("POST /api/v1/things (Things.add): tag things-controller is springdoc's default: give "
                        + "it @Tag and @Operation");
    }
}
