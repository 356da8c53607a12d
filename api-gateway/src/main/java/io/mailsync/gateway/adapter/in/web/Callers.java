package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.domain.Caller;
import io.mailsync.gateway.domain.Scope;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} behind the current request's verified token. */
final class Callers {

    /** Request attribute with the client id, for the access log (the security context is gone by then). */
    static final String CLIENT_ATTRIBUTE = Callers.class.getName() + ".client";

    private Callers() {
    }

    static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt) || jwt.getToken().getSubject() == null) {
            return Optional.empty();
        }
        Set<Scope> scopes = jwt.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("SCOPE_")).map(a -> Scope.of(a.substring("SCOPE_".length())))
                .flatMap(Optional::stream).collect(Collectors.toSet());
        return Optional.of(of(jwt.getToken(), scopes));
    }

    /** The caller of a verified token that has a {@code sub}. */
    static Caller of(Jwt token, Set<Scope> scopes) {
        String subject = token.getSubject();
        String client = firstNonBlank(token.getClaimAsString("azp"), token.getClaimAsString("client_id"), subject);
        return new Caller(subject, client, scopes);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
