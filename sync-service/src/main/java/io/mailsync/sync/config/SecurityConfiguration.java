package io.mailsync.sync.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * OAuth2 resource server (ADR 0001): {@code sub} is the customer; scopes {@code mail.read} for reading,
 * {@code mail.write} for changes, {@code accounts.admin} for provisioning on behalf of any customer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String READ = "SCOPE_mail.read";
    static final String WRITE = "SCOPE_mail.write";
    static final String ADMIN = "SCOPE_accounts.admin";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts").hasAnyAuthority(ADMIN, WRITE)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/accounts/*").hasAnyAuthority(ADMIN, WRITE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyAuthority(READ, ADMIN)
                        .requestMatchers("/api/v1/**").hasAnyAuthority(WRITE, ADMIN)
                        .anyRequest().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
        return http.build();
    }
}
