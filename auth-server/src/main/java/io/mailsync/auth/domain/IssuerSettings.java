package io.mailsync.auth.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The issuer every token names in {@code iss} (the services check it: {@code mailsync.security.jwt.issuer}) and how
 * long an access token lives.
 */
public record IssuerSettings(URI issuer, Duration accessTokenTtl) {

    public IssuerSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("the access-token lifetime must be positive");
        }
    }
}
