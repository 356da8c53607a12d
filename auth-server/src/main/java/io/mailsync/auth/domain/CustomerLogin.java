package io.mailsync.auth.domain;

import java.util.Objects;

/**
 * A customer's login on the authorization server's sign-in page, and the customer it signs in as: tokens issued
 * after this login carry {@code customerId} as {@code sub} (DESIGN.md: {@code sub} is the customer).
 */
public record CustomerLogin(String username, Secret password, String customerId) {

    public CustomerLogin {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a customer login needs a username");
        }
        Objects.requireNonNull(password, () -> "customer login '" + username + "' needs a password");
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer login '" + username + "' needs a customer-id (the token's sub)");
        }
    }
}
