package io.mailsync.auth.config;

import io.mailsync.auth.application.DecideTokenContents;
import io.mailsync.auth.domain.ApiScopes;
import io.mailsync.auth.domain.ClientDirectory;
import io.mailsync.auth.domain.ClientPolicy;
import io.mailsync.auth.domain.CustomerDirectory;
import io.mailsync.auth.domain.CustomerLogin;
import io.mailsync.auth.domain.Grant;
import io.mailsync.auth.domain.IssuerSettings;
import io.mailsync.auth.domain.Secret;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Maps {@code mailsync.auth.*} to the domain before anything else sees it; a bad entry stops the start, named. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthServerProperties.class)
public class AuthServerBeans {

    @Bean
    IssuerSettings issuerSettings(AuthServerProperties properties) {
        return new IssuerSettings(Objects.requireNonNull(properties.issuer(), "mailsync.auth.issuer is required"),
                properties.tokenTtl());
    }

    @Bean
    ClientDirectory clientDirectory(AuthServerProperties properties) {
        return new ClientDirectory(properties.clients().stream().map(AuthServerBeans::policy).toList());
    }

    @Bean
    CustomerDirectory customerDirectory(AuthServerProperties properties) {
        return new CustomerDirectory(properties.customers().stream()
                .map(c -> new CustomerLogin(c.username(), secret("customer login '" + c.username() + "'",
                        c.password()).orElse(null), c.customerId()))
                .toList());
    }

    @Bean
    DecideTokenContents decideTokenContents(ClientDirectory clients, CustomerDirectory customers) {
        return new DecideTokenContents(clients, customers);
    }

    static ClientPolicy policy(AuthServerProperties.Client c) {
        var grants = new LinkedHashSet<Grant>();
        c.grantTypes().forEach(name -> grants.add(Grant.ofWireName(name)));
        return new ClientPolicy(c.id(), secret("client '" + c.id() + "'", c.secret()), grants,
                Optional.ofNullable(c.customerId()), new LinkedHashSet<>(c.scopes()),
                c.audiences().isEmpty() ? ApiScopes.API_AUDIENCES : c.audiences(), c.redirectUris(), c.consent());
    }

    private static Optional<Secret> secret(String owner, String encoded) {
        try {
            return Optional.ofNullable(encoded).map(Secret::new);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + ": " + e.getMessage());
        }
    }
}
