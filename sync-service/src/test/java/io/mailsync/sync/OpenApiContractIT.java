package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.support.security.ApiScopes;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.openapi.PublicApiDocument;
import io.mailsync.testkit.openapi.RouteDrift;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19: the public API document tells what sync-service's controllers do. Each route Spring MVC maps, with every
 * parameter its handler reads, is in the checked-in document ({@link RouteDrift}), and the document springdoc generates
 * from the controllers is exactly sync-service's part of it ({@link PublicApiDocument}) — so a controller that gains
 * a parameter, a route or a documented status fails the build until the document (and the client generated from it)
 * says so. {@code -Dmailsync.openapi.write=true} rewrites the part.
 */
class OpenApiContractIT extends SyncIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theGeneratedDocumentIsTheCheckedInOne() {
        PublicApiDocument.assertCurrent("sync-service", generated(), ApiScopes::requiredFor);
    }

    @Test
    void everyRouteAndParameterTheControllersReadIsDocumented() {
        assertThat(RouteDrift.findings(mappings, PublicApiDocument.load(),
                h -> h.getBeanType().getPackageName().startsWith("io.mailsync.sync"))).isEmpty();
    }

    private JsonNode generated() {
        ApiClient.Response doc = new ApiClient(base(), JWT.token("docs", "mail.read")).get("/v3/api-docs");
        assertThat(doc.status()).as(doc.raw()).isEqualTo(200);
        return doc.body();
    }
}
