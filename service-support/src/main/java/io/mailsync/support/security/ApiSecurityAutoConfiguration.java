package io.mailsync.support.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The one resource-server security of the public API (issues 16 and 21), used alike by the gateway and the services
 * behind it: a stateless bearer-JWT chain, the scope table of {@link ApiScopes}, 401/403 as problem+json, health and
 * metrics open (they move to a management port no ingress routes), {@code mailsync.security.open-paths} open, and
 * every other path only with a valid token. It serves the protected-resource metadata (RFC 9728) naming the
 * authorization servers ({@code mailsync.security.authorization-servers}, by default the issuer) and the API's scopes.
 * A service adds to it with an {@link ApiSecurityCustomizer} bean; one that declares its own {@link SecurityFilterChain}
 * replaces it. It needs a JWT decoder: a service without a key, JWK set or issuer
 * configured refuses to start. Off with {@code mailsync.security.api.enabled=false} (devstack's fetcher, which
 * serves no API but shares the classpath with those that do).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtDecoder.class})
@ConditionalOnProperty(name = "mailsync.security.api.enabled", matchIfMissing = true)
public class ApiSecurityAutoConfiguration {

    /**
     * Health and metrics are open for the probes and Prometheus: every service serves them on its management port only
     * (ADR 0009), which no ingress routes and only the monitoring namespace reaches; the API port answers 404.
     */
    static final String[] ALWAYS_OPEN = {"/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain mailsyncApiSecurity(HttpSecurity http,
            @Value("${mailsync.security.open-paths:}") List<String> openPaths,
            @Value("${mailsync.security.authorization-servers:${mailsync.security.jwt.issuer:}}")
            List<String> authorizationServers,
            ObjectProvider<ApiSecurityCustomizer> customizers) throws Exception {
        AuthenticationEntryPoint unauthorized = ProblemAuthHandlers.unauthorized();
        AccessDeniedHandler forbidden = ProblemAuthHandlers.forbidden();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // a request authorized on its way in: a stream's async dispatch or an error dispatch is not new
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                            .requestMatchers(ALWAYS_OPEN).permitAll();
                    if (!openPaths.isEmpty()) {
                        auth.requestMatchers(openPaths.toArray(String[]::new)).permitAll();
                    }
                    ApiScopes.apply(auth);
                    auth.anyRequest().authenticated(); // unknown paths: 401 without a token, else 404
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        // RFC 9728 /.well-known/oauth-protected-resource: where a client gets a token, and for what
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(m -> {
                            authorizationServers.stream().filter(s -> !s.isBlank()).forEach(m::authorizationServer);
                            m.scopes(scopes -> scopes.addAll(ApiScopes.ALL));
                            // Spring says true by default; mailsync's tokens are plain bearer tokens (RFC 8705 §3.3)
                            m.tlsClientCertificateBoundAccessTokens(false);
                        }))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        for (ApiSecurityCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        return http.build();
    }
}
