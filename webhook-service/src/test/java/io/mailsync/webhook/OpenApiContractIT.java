package io.mailsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.support.security.ApiScopes;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import io.mailsync.testkit.openapi.PublicApiDocument;
import io.mailsync.testkit.openapi.RouteDrift;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 19: the public API document tells what webhook-service's controllers do — every route and parameter they
 * read ({@link RouteDrift}), and exactly what springdoc generates from them ({@link PublicApiDocument}; regenerate
 * with {@code -Dmailsync.openapi.write=true}).
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class OpenApiContractIT {

    private static WebhookInstance webhooks;

    @BeforeAll
    static void start() {
        webhooks = WebhookInstance.start(KafkaKit.newNamespace(), MongoKit.uriForNewDatabase("webhooks-docs"), Map.of());
    }

    @AfterAll
    static void stop() {
        webhooks.close();
    }

    @Test
    void theGeneratedDocumentIsTheCheckedInOne() {
        ApiClient.Response doc = new ApiClient("http://127.0.0.1:" + webhooks.port(), JwtKit.shared()
                .tokenFor(List.of(WebhookInstance.AUDIENCE), "docs", "webhooks.manage")).get("/v3/api-docs");
        assertThat(doc.status()).as(doc.raw()).isEqualTo(200);
        PublicApiDocument.assertCurrent("webhook-service", doc.body(), ApiScopes::requiredFor);
    }

    @Test
    void everyRouteAndParameterTheControllersReadIsDocumented() {
        RequestMappingHandlerMapping mappings = webhooks.context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        assertThat(RouteDrift.findings(mappings, PublicApiDocument.load(),
                h -> h.getBeanType().getPackageName().startsWith("io.mailsync.webhook"))).isEmpty();
    }
}
