package io.mailsync.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.support.security.ApiScopes;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import io.mailsync.testkit.openapi.PublicApiDocument;
import io.mailsync.testkit.openapi.RouteDrift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 19: the public API document tells what quota-service's controller does — every route and parameter it reads
 * ({@link RouteDrift}), and exactly what springdoc generates from it ({@link PublicApiDocument}; regenerate with
 * {@code -Dmailsync.openapi.write=true}).
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class OpenApiContractIT {

    private final QuotaInstance quota = SharedQuota.instance();

    @Test
    void theGeneratedDocumentIsTheCheckedInOne() {
        ApiClient.Response doc = new ApiClient("http://127.0.0.1:" + quota.port(),
                JwtKit.shared().token("docs", "quota.read")).get("/v3/api-docs");
        assertThat(doc.status()).as(doc.raw()).isEqualTo(200);
        PublicApiDocument.assertCurrent("quota-service", doc.body(), ApiScopes::requiredFor);
    }

    @Test
    void everyRouteAndParameterTheControllerReadsIsDocumented() {
        RequestMappingHandlerMapping mappings = quota.context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        assertThat(RouteDrift.findings(mappings, PublicApiDocument.load(),
                h -> h.getBeanType().getPackageName().startsWith("io.mailsync.quota"))).isEmpty();
    }
}
