package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public way in routes the API alone (issue 17): no /actuator, no catch-all, only the gateway's API port. */
class IngressTest {

    @Test
    void the_prod_ingress_routes_the_api_and_its_contract_only() {
        List<Map<String, Object>> ingresses = Manifests.of("prod").ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        List<Object> paths = Tree.list(ingresses.getFirst(), "spec", "rules").stream()
                .flatMap(rule -> Tree.list(rule, "http", "paths").stream()).toList();
        assertThat(paths).extracting(p -> Tree.string(p, "path"))
                .containsExactlyInAnyOrder("/api/v1/", "/v3/api-docs")
                .noneMatch(path -> path.startsWith("/actuator") || path.equals("/"));
        assertThat(paths).allSatisfy(p -> {
            assertThat(Tree.string(p, "backend", "service", "name")).isEqualTo("api-gateway");
            assertThat(Tree.string(p, "backend", "service", "port", "name")).isEqualTo("http");
        });
        assertThat(Tree.map(ingresses.getFirst(), "spec")).doesNotContainKey("defaultBackend");
    }

    @Test
    void dev_has_no_ingress() {
        assertThat(Manifests.of("dev").ofKind("Ingress")).isEmpty();
    }
}
