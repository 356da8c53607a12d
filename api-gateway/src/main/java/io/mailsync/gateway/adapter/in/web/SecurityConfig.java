package io.mailsync.gateway.adapter.in.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.mailsync.gateway.application.CheckAccountAccess;
import io.mailsync.gateway.config.GatewayProperties;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Bearer JWT on every API path (ADR 0001: {@code sub} is the customer, scopes become {@code SCOPE_x}). The scope
 * each route needs is decided here, before routing; the services check the same token again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String READ = "SCOPE_mail.read";
    static final String WRITE = "SCOPE_mail.write";
    static final String QUOTA = "SCOPE_quota.read";
    static final String ADMIN = "SCOPE_accounts.admin";

    @Bean
    SecurityFilterChain api(HttpSecurity http, GatewayProperties properties, CheckAccountAccess access)
            throws Exception {
        AuthenticationEntryPoint unauthorized = problemEntryPoint();
        AccessDeniedHandler forbidden = problemAccessDenied();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(cors(properties.cors())))
                .authorizeHttpRequests(authorize -> authorize
                        // the request was authorized on its way in; a push stream's async or error dispatch is not
                        // a new request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(GET, "/api/v1/accounts/*/messages", "/api/v1/accounts/*/messages/**",
                                "/api/v1/accounts/*/changes", "/api/v1/accounts/*/events").hasAuthority(READ)
                        .requestMatchers(GET, "/api/v1/accounts/*/deleted").hasAuthority(READ)
                        .requestMatchers("/api/v1/accounts/*/messages", "/api/v1/accounts/*/messages/**",
                                "/api/v1/accounts/*/devices", "/api/v1/accounts/*/devices/**").hasAuthority(WRITE)
                        // issue 11: filing sent mail, drafts, restoring deleted mail change the mailbox
                        .requestMatchers("/api/v1/accounts/*/sent", "/api/v1/accounts/*/drafts",
                                "/api/v1/accounts/*/drafts/**", "/api/v1/accounts/*/deleted/**").hasAuthority(WRITE)
                        // suggestions list messages (subjects, senders): reading mail, not only usage
                        .requestMatchers(GET, "/api/v1/accounts/*/quota/suggestions").hasAuthority(READ)
                        .requestMatchers("/api/v1/accounts/*/quota", "/api/v1/accounts/*/quota/**").hasAuthority(QUOTA)
                        .requestMatchers(POST, "/api/v1/accounts").hasAuthority(ADMIN)
                        .requestMatchers(DELETE, "/api/v1/accounts/*").hasAuthority(ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterAfter(new RateLimitFilter(properties.rateLimit()), AuthorizationFilter.class)
                .addFilterAfter(new TenantFilter(access), RateLimitFilter.class);
        return http.build();
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e); // status and the RFC 6750 WWW-Authenticate header
            Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "a valid bearer token is required: it is missing, expired or not signed by a trusted issuer");
        };
    }

    private static AccessDeniedHandler problemAccessDenied() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            bearer.handle(request, response, e);
            Problems.write(request, response, HttpStatus.FORBIDDEN,
                    "the token lacks the scope this request needs");
        };
    }

    private static CorsConfigurationSource cors(GatewayProperties.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOriginPatterns(cors.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Device-Id", "Last-Event-ID"));
            config.setExposedHeaders(List.of("Retry-After", "Location", "WWW-Authenticate"));
            config.setMaxAge(cors.maxAge());
            source.registerCorsConfiguration("/api/v1/**", config);
        }
        return source;
    }
}
