package io.mailsync.gateway.adapter.in.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The public API v1 as OpenAPI 3.1, served at {@code /v3/api-docs} and {@code /swagger-ui} (issue 19, ADR 0018): the
 * aggregate of the documents springdoc generates from sync-, quota- and webhook-service's controllers, rewritten to
 * the public form, and the gateway's own routes ({@link EventsController}). It is read from
 * {@code openapi/mailsync-api.json}, checked in and kept true by each service's {@code OpenApiContractIT} (the
 * gateway's too), so the gateway starts without asking any service; {@code api-client} is generated from the file.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String LOCATION = "openapi/mailsync-api.json";

    @Bean
    OpenAPI publicApi() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            OpenAPI api = Json31.mapper().readValue(in, OpenAPI.class);
            api.setSpecVersion(SpecVersion.V31);
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("the public API document " + LOCATION + " is missing or broken", e);
        }
    }
}
