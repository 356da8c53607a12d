package io.mailsync.auth.domain;

import java.util.Objects;

/**
 * A client secret or customer password as configured: {@code {noop}plain} in devstack, {@code {bcrypt}...} or
 * another hash a Spring Security password encoder knows. Never printed: a record's default {@code toString} would
 * put it in any log line or exception that shows its owner.
 */
public record Secret(String encoded) {

    public Secret {
        Objects.requireNonNull(encoded, "encoded");
        // the value itself is never in a message: it would end up in the log of a start that failed
        if (!encoded.matches("(?s)\\{[^}]+}.+")) {
            throw new IllegalArgumentException("a secret is written with its encoding: {noop}plain-text (devstack "
                    + "only) or a hash such as {bcrypt}$2a$10$...");
        }
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
