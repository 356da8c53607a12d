package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.domain.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated API request against its customer's and its client application's limits
 * ({@link RateLimitAdmission}): over either, 429 without calling a service.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitAdmission admission;

    RateLimitFilter(RateLimitAdmission admission) {
        this.admission = admission;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current();
        if (caller.isPresent()) {
            request.setAttribute(Callers.CLIENT_ATTRIBUTE, caller.get().clientId());
            if (!admission.admit(caller.get(), request, response)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }
}
