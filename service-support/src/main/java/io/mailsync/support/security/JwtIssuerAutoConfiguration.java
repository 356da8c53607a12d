package io.mailsync.support.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * Only tokens from the named issuer ({@code mailsync.security.jwt.issuer}). Spring Boot checks {@code iss} only when
 * {@code ...resourceserver.jwt.issuer-uri} is set, and that switches it to fetching keys by discovery; an operator
 * who pins the signing key ({@code public-key-location}) or a JWK set URI names the issuer here instead. Boot adds
 * every {@code OAuth2TokenValidator<Jwt>} bean to the decoder's checks.
 */
@AutoConfiguration
@ConditionalOnClass(JwtIssuerValidator.class)
@ConditionalOnProperty("mailsync.security.jwt.issuer")
public class JwtIssuerAutoConfiguration {

    @Bean
    OAuth2TokenValidator<Jwt> mailsyncIssuerValidator(@Value("${mailsync.security.jwt.issuer}") String issuer) {
        return new JwtIssuerValidator(issuer);
    }
}
