package io.mailsync.support.security;

import io.mailsync.support.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as {@code application/problem+json} (RFC 9457) with the RFC 6750 {@code WWW-Authenticate} header,
 * whose {@code error_description} says which check failed (audience, expiry, subject) for the integrator; the
 * problem's detail stays the same sentence for every cause.
 */
public final class ProblemAuthHandlers {

    private ProblemAuthHandlers() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
                    "a valid bearer token for this API is required: it is missing, expired, for another audience "
                            + "or not signed by a trusted issuer");
        };
    }

    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            bearer.handle(request, response, e);
            ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, ApiScopes.requiredFor(request)
                    .map(scope -> "this request needs the scope " + scope + ", which the token lacks")
                    .orElse("the token lacks the scope this request needs"));
        };
    }
}
