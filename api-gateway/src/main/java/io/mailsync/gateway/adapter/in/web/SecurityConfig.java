package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.application.CheckAccountAccess;
import io.mailsync.gateway.application.CheckStreamAccess;
import io.mailsync.gateway.application.settings.CorsSettings;
import io.mailsync.support.security.ApiSecurityCustomizer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The gateway's additions to the shared resource-server security (service-support: bearer JWT with audience,
 * {@code exp} and {@code sub} required, the scope table the services enforce too, problem+json 401/403): CORS for
 * browser clients, then — after authorization — the rate limits and the tenant check.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    ApiSecurityCustomizer gatewayFilters(CorsSettings corsSettings, CheckAccountAccess access,
            CheckStreamAccess streams, RateLimitAdmission admission) {
        return http -> http
                .cors(cors -> cors.configurationSource(cors(corsSettings)))
                .addFilterAfter(new RateLimitFilter(admission), AuthorizationFilter.class)
                .addFilterAfter(new TenantFilter(access, streams), RateLimitFilter.class);
    }

    private static CorsConfigurationSource cors(CorsSettings cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOriginPatterns(cors.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Device-Id", "Last-Event-ID",
                    "If-Match"));
            config.setExposedHeaders(List.of("Retry-After", "Location", "WWW-Authenticate", "RateLimit",
                    "RateLimit-Policy"));
            config.setMaxAge(cors.maxAge());
            source.registerCorsConfiguration("/api/v1/**", config);
        }
        return source;
    }
}
