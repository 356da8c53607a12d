package io.mailsync.gateway.adapter.in.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RFC 9728 protected-resource metadata, {@code GET /.well-known/oauth-protected-resource}, in the public document
 * (issue 19). Spring Security's resource-server filter answers it ({@code SecurityConfig} via service-support), not a
 * controller, so springdoc cannot find it: this adds the operation — public, no token — with the shape of
 * {@link Metadata}. The gateway's {@code OpenApiContractIT} holds the document's operation against this, and the
 * metadata the gateway really answers against the documented schema. Added only where the document lacks it: the
 * served document is the checked-in file, which has it already (ADR 0018).
 */
@Configuration(proxyBeanMethods = false)
class ProtectedResourceMetadataDoc {

    static final String PATH = "/.well-known/oauth-protected-resource";

    /** What the gateway answers: the RFC 9728 §2 fields Spring Security writes for it. */
    @Schema(name = "ProtectedResourceMetadata", description = "RFC 9728 protected-resource metadata")
    record Metadata(
            @Schema(description = "this API's resource identifier", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "https://mail-api.example") URI resource,
            @Schema(description = "where a client gets a token (devstack: its authorization server; in production"
                    + " the ISP's identity provider)", example = "[\"http://localhost:9000\"]")
            List<URI> authorization_servers,
            @Schema(description = "every scope an operation of this API may need (x-required-scope)",
                    example = "[\"mail.read\",\"mail.write\",\"quota.read\",\"accounts.admin\",\"webhooks.manage\"]")
            List<String> scopes_supported,
            @Schema(description = "how a token is sent: the Authorization header", example = "[\"header\"]")
            List<String> bearer_methods_supported,
            @Schema(description = "false: plain bearer tokens, not bound to a client certificate (RFC 8705 §3.3)")
            Boolean tls_client_certificate_bound_access_tokens) {
    }

    @Bean
    OpenApiCustomizer protectedResourceMetadata() {
        return api -> {
            if (api.getPaths() != null && api.getPaths().containsKey(PATH)) {
                return;
            }
            ResolvedSchema resolved = ModelConverters.getInstance(true)
                    .resolveAsResolvedSchema(new AnnotatedType(Metadata.class).resolveAsRef(true));
            resolved.referencedSchemas.forEach(api::schema);
            Operation get = new Operation().operationId("getProtectedResourceMetadata").addTagsItem("discovery")
                    .summary("Where to get a token for this API, and which scopes it knows (RFC 9728)")
                    .security(new ArrayList<>()) // RFC 9728 §3: no token; an empty list overrides the global bearer
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                            .description("The metadata").content(new Content().addMediaType("application/json",
                                    new MediaType().schema(resolved.schema)))));
            api.path(PATH, new PathItem().get(get));
            if (api.getTags() == null || api.getTags().stream().noneMatch(t -> "discovery".equals(t.getName()))) {
                api.addTagsItem(new Tag().name("discovery").description("What a client reads before it has a token"));
            }
        };
    }
}
