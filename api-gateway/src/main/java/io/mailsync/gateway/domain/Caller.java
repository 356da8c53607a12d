package io.mailsync.gateway.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, from a verified token: {@code customerId} is the token's {@code sub} (ADR 0001), {@code clientId}
 * the application acting for it (rate limits count per client), {@code scopes} what it may do.
 */
public record Caller(String customerId, String clientId, Set<Scope> scopes) {

    public Caller {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(clientId, "clientId");
        scopes = Set.copyOf(scopes);
    }

    /** Provisioning may act for any customer (ADR 0001). */
    public boolean isAdmin() {
        return scopes.contains(Scope.ACCOUNTS_ADMIN);
    }
}
