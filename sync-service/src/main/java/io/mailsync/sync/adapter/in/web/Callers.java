package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.Caller;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The token's {@code sub} is the customer; {@code accounts.admin} may act for any customer (ADR 0001); what the
 * request needs of a mailbox shared with the caller comes from its route ({@link GrantNeeds}, issue 23).
 */
final class Callers {

    private Callers() {
    }

    static Caller of(JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream()
                .anyMatch(authority -> "SCOPE_accounts.admin".equals(authority.getAuthority()));
        return new Caller(token.getToken().getSubject(), admin, GrantNeeds.ofCurrentRequest());
    }
}
