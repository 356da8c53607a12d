package io.mailsync.auth.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registered client application and what its tokens may say (ADR 0010). Two kinds, told apart by the secret:
 * <ul>
 * <li>a <b>back end</b> (confidential, has a secret) uses client credentials (RFC 6749 §4.4) and acts for the one
 * customer it was registered for ({@code customerId}: the token's {@code sub}), or — without a customer — provisions
 * accounts ({@code accounts.admin}; {@code sub} is then the client's own id);
 * <li>a <b>customer-facing app</b> (public, no secret: a phone or browser app cannot keep one) uses the
 * authorization code with PKCE (RFC 7636, required here as OAuth 2.1 does); the customer who signs in is the
 * {@code sub}.
 * </ul>
 * {@code audiences} is the token's {@code aud}; {@code consent}: whether the customer is asked before a code is issued.
 */
public record ClientPolicy(String id, Optional<Secret> secret, Set<Grant> grants, Optional<String> customerId,
        Set<String> scopes, List<String> audiences, List<String> redirectUris, boolean consent) {

    public ClientPolicy {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a client needs an id");
        }
        secret = Objects.requireNonNullElse(secret, Optional.empty());
        customerId = Objects.requireNonNullElse(customerId, Optional.<String>empty()).filter(c -> !c.isBlank());
        grants = grants == null || grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
        scopes = Set.copyOf(Objects.requireNonNullElse(scopes, Set.of()));
        audiences = List.copyOf(Objects.requireNonNullElse(audiences, List.of()));
        redirectUris = List.copyOf(Objects.requireNonNullElse(redirectUris, List.of()));
        check(id, secret, grants, customerId, scopes, audiences, redirectUris);
    }

    public boolean isPublic() {
        return secret.isEmpty();
    }

    private static void check(String id, Optional<Secret> secret, Set<Grant> grants, Optional<String> customerId,
            Set<String> scopes, List<String> audiences, List<String> redirectUris) {
        String client = "client '" + id + "': ";
        require(!grants.isEmpty(), client + "name at least one grant type");
        require(!scopes.isEmpty(), client + "name the scopes its tokens may carry");
        Set<String> unknown = new TreeSet<>(scopes);
        unknown.removeAll(ApiScopes.ALL);
        require(unknown.isEmpty(), client + "unknown scopes " + unknown + "; the API knows " + new TreeSet<>(ApiScopes.ALL));
        require(!audiences.isEmpty() && audiences.stream().noneMatch(String::isBlank),
                client + "name the audiences its tokens are for");
        if (grants.contains(Grant.CLIENT_CREDENTIALS)) {
            require(secret.isPresent(), client + "client credentials need a secret");
            require(customerId.isPresent() || scopes.contains(ApiScopes.ADMIN), client + "a client-credentials "
                    + "client acts for one customer (customer-id) or provisions accounts (scope accounts.admin)");
        }
        require(customerId.isEmpty() || grants.equals(Set.of(Grant.CLIENT_CREDENTIALS)), client + "customer-id "
                + "applies to client credentials only; with an authorization code the customer who signs in is the sub");
        if (grants.contains(Grant.AUTHORIZATION_CODE)) {
            require(!redirectUris.isEmpty(), client + "the authorization code needs at least one redirect URI");
        }
        require(!grants.contains(Grant.REFRESH_TOKEN) || grants.contains(Grant.AUTHORIZATION_CODE),
                client + "refresh tokens come with the authorization code only");
        // Spring Authorization Server issues no refresh token to a public client: saying so here beats a silent no
        require(secret.isPresent() || !grants.contains(Grant.REFRESH_TOKEN),
                client + "a public client (no secret) gets no refresh tokens");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
