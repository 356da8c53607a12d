package io.mailsync.auth.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an access token says about its holder (ADR 0010): {@code sub} is the customer the token acts for,
 * {@code aud} the APIs it is for, {@code scope} what it may do there.
 */
public record TokenContents(String subject, List<String> audiences, Set<String> scopes) {

    public TokenContents {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        audiences = List.copyOf(audiences);
        scopes = Set.copyOf(scopes);
    }

    /**
     * The decision: with client credentials the client's customer (or, for a provisioning client, the client
     * itself); with an authorization code or its refresh token the customer who signed in — never the client's
     * choice, so an app cannot act for a customer who did not sign in.
     */
    public static TokenContents decide(ClientPolicy client, Grant grant, Optional<CustomerLogin> signedIn,
            Set<String> grantedScopes) {
        String subject = switch (grant) {
            case CLIENT_CREDENTIALS -> client.customerId().orElse(client.id());
            case AUTHORIZATION_CODE, REFRESH_TOKEN -> signedIn.map(CustomerLogin::customerId).orElseThrow(
                    () -> new IllegalStateException("client '" + client.id() + "': " + grant.wireName()
                            + " without a signed-in customer"));
        };
        return new TokenContents(subject, client.audiences(), grantedScopes);
    }
}
