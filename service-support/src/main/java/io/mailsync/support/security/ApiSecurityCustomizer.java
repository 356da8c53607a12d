package io.mailsync.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a service adds to the shared resource-server security (the gateway: its rate limit and tenant filters,
 * CORS). Called after the shared rules are set, before the chain is built.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
