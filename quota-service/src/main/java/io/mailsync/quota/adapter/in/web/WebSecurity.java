package io.mailsync.quota.adapter.in.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0001: an OAuth2 resource server verifying the caller's JWT; {@code quota.read} to read a quota. Actuator
 * health and metrics are open to the cluster (the ingress does not route them). 401 and 403 are problem+json too.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain quotaSecurity(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/api/v1/accounts/*/quota", "/api/v1/accounts/*/quota/**")
                        .hasAnyAuthority("SCOPE_quota.read", "SCOPE_accounts.admin")
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((req, res, e) -> write(res, HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required."))
                        .accessDeniedHandler((req, res, e) -> write(res, HttpStatus.FORBIDDEN,
                                "The token lacks the scope quota.read.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> write(res, HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required."))
                        .accessDeniedHandler((req, res, e) -> write(res, HttpStatus.FORBIDDEN,
                                "The token lacks the scope quota.read.")))
                .build();
    }

    private static void write(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String detail)
            throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        res.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.getWriter().write(JSON.writeValueAsString(problem));
    }
}
