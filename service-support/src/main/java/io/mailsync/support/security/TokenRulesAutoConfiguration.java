package io.mailsync.support.security;

import java.time.Instant;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * Checks every resource server (gateway, sync, quota) makes on a token beyond its signature, added to Boot's decoder
 * (Boot adds every {@code OAuth2TokenValidator<Jwt>} bean):
 * <ul>
 * <li>{@code exp} must be present — Spring's timestamp check skips a token without one, which would never expire;
 * <li>{@code sub} must be present and not blank — it is the customer, and a token without one must never reach a
 * tenant check that treats "no customer" as "no filter" (issue 16: the gateway's event stream did);
 * <li>{@code iss} must be {@code mailsync.security.jwt.issuer} where named — Boot checks {@code iss} only with
 * {@code issuer-uri}, which switches it to discovery.
 * </ul>
 * The audience is Boot's own {@code spring.security.oauth2.resourceserver.jwt.audiences}, set per service in its
 * configuration file (ADR 0008).
 */
@AutoConfiguration
@ConditionalOnClass(JwtClaimValidator.class)
public class TokenRulesAutoConfiguration {

    @Bean
    OAuth2TokenValidator<Jwt> mailsyncExpiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    @Bean
    OAuth2TokenValidator<Jwt> mailsyncSubjectRequired() {
        return new JwtClaimValidator<Object>(JwtClaimNames.SUB,
                sub -> sub instanceof String s && !s.isBlank());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("mailsync.security.jwt.issuer")
    static class Issuer {

        @Bean
        OAuth2TokenValidator<Jwt> mailsyncIssuerValidator(@Value("${mailsync.security.jwt.issuer}") String issuer) {
            return new JwtIssuerValidator(issuer);
        }
    }
}
