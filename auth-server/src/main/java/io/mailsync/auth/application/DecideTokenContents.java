package io.mailsync.auth.application;

import io.mailsync.auth.domain.ClientDirectory;
import io.mailsync.auth.domain.CustomerDirectory;
import io.mailsync.auth.domain.Grant;
import io.mailsync.auth.domain.TokenContents;
import java.util.Optional;
import java.util.Set;

/** Fills an access token for a client the server has authenticated (ADR 0010: who is {@code sub}, which {@code aud}). */
public final class DecideTokenContents {

    private final ClientDirectory clients;
    private final CustomerDirectory customers;

    public DecideTokenContents(ClientDirectory clients, CustomerDirectory customers) {
        this.clients = clients;
        this.customers = customers;
    }

    /**
     * @param signedInUsername the login of the customer who approved an authorization code, empty for client
     *                         credentials
     */
    public TokenContents decide(String clientId, Grant grant, Optional<String> signedInUsername,
            Set<String> grantedScopes) {
        var client = clients.find(clientId)
                .orElseThrow(() -> new IllegalStateException("client '" + clientId + "' is not configured"));
        var login = signedInUsername.map(username -> customers.find(username).orElseThrow(
                () -> new IllegalStateException("customer login '" + username + "' is not configured")));
        return TokenContents.decide(client, grant, login, grantedScopes);
    }
}
