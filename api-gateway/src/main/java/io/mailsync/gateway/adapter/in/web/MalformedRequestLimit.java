package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.domain.Caller;
import io.mailsync.support.web.RequestHygieneFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose path or query is not percent-encoded UTF-8 answers 400 before authentication
 * ({@link RequestHygieneFilter}), so it would never meet the rate limits: a customer could send them without end.
 * This filter runs just before that check and, for such a request only, verifies its bearer token (the same
 * decoder as Spring Security, so the same signature, audience and expiry checks) and counts it against its
 * customer's and client's limits ({@link RateLimitAdmission}) — over them, 429 instead of 400. A request without a
 * valid token goes on to its 400 uncounted: there is nobody to count it for.
 */
class MalformedRequestLimit extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder tokens;
    private final RateLimitAdmission admission;

    MalformedRequestLimit(JwtDecoder tokens, RateLimitAdmission admission) {
        this.tokens = tokens;
        this.admission = admission;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestHygieneFilter.problemWith(request) != null) {
            Optional<Caller> caller = caller(request.getHeader("Authorization"));
            if (caller.isPresent() && !admission.admit(caller.get(), request, response)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    private Optional<Caller> caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            Jwt jwt = tokens.decode(authorization.substring(BEARER.length()).trim());
            return Optional.ofNullable(jwt.getSubject()).map(subject -> Callers.of(jwt, Set.of()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
