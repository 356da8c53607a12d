package io.mailsync.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 19: a service's generated document against its part of the public document — a new status or parameter in
 * the generated one is a difference (the contract test fails), the rewrite adds what the gateway answers, and two
 * services cannot both own a schema of one name with different shapes.
 */
class PublicApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PublicApiDocument.ScopeTable SCOPES = request -> Optional.of("mail.read");

    private static JsonNode generated(String extraResponse) {
        return JSON.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/things":{"get":{"operationId":"listThings","tags":["things"],
                 "responses":{"200":{"description":"OK","content":{"application/json":{"schema":
                 {"$ref":"#/components/schemas/Thing"}}}}%s}}}},
                 "components":{"schemas":{"Thing":{"type":"object"}}},"tags":[{"name":"things"}]}"""
                .formatted(extraResponse));
    }

    private static JsonNode document(String service, JsonNode generated) {
        return PublicApiDocument.merge(JSON.createObjectNode(), service, PublicForm.of(generated, service, SCOPES));
    }

    @Test
    void theRewriteAddsTheGatewaysAnswersTheScopeAndTheService() {
        JsonNode op = document("things-service", generated("")).path("paths").path("/api/v1/things").path("get");
        assertThat(op.path("responses").properties()).extracting(e -> e.getKey())
                .containsExactly("200", "401", "403", "429", "503");
        assertThat(op.path("responses").path("200").path("headers").has("RateLimit")).isTrue();
        assertThat(op.path("x-required-scope").asString()).isEqualTo("mail.read");
        assertThat(op.path("x-mailsync-service").asString()).isEqualTo("things-service");
        assertThat(op.path("description").asString()).isEqualTo("Needs scope `mail.read`.");
    }

    @Test
    void aStatusTheCodeGainedIsADifference() {
        JsonNode checkedIn = document("things-service", generated(""));
        JsonNode now = PublicApiDocument.merge(checkedIn, "things-service", PublicForm.of(
                generated(",\"409\":{\"description\":\"Conflict\"}"), "things-service", SCOPES));
        assertThat(PublicApiDocument.differences(checkedIn, now))
                .containsExactly("GET /api/v1/things: documented otherwise than the code says");
    }

    @Test
    void theSameGeneratedDocumentIsNoDifference() {
        JsonNode checkedIn = document("things-service", generated(""));
        assertThat(PublicApiDocument.differences(checkedIn, PublicApiDocument.merge(checkedIn, "things-service",
                PublicForm.of(generated(""), "things-service", SCOPES)))).isEmpty();
    }

    @Test
    void anotherServicesPartIsLeftAlone() {
        ObjectNode other = (ObjectNode) JSON.readTree(generated("").toString().replace("/api/v1/things", "/api/v1/others")
                .replace("listThings", "listOthers"));
        JsonNode both = PublicApiDocument.merge(document("things-service", generated("")), "other-service",
                PublicForm.of(other, "other-service", SCOPES));
        assertThat(both.path("paths").has("/api/v1/things")).isTrue();
        assertThat(both.path("paths").has("/api/v1/others")).isTrue();
    }

    @Test
    void twoServicesCannotOwnOneSchemaNameWithTwoShapes() {
        JsonNode things = document("things-service", generated(""));
        JsonNode other = JSON.readTree(generated("").toString().replace("/api/v1/things", "/api/v1/others")
                .replace("{\"type\":\"object\"}", "{\"type\":\"string\"}"));
        assertThatThrownBy(() -> PublicApiDocument.merge(things, "other-service",
                PublicForm.of(other, "other-service", SCOPES))).hasMessageContaining("schema Thing of other-service");
    }
}
