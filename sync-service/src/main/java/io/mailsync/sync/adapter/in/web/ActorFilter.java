package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's {@link Actor} — the token's {@code sub} and the {@code X-Device-Id} it names — around the
 * controller, after the security chain verified the token, so the changes it makes are logged with who made them
 * (issue 23). A device id is logged as the caller sent it (at most 200 characters); it is a name, never a secret.
 */
@Component
class ActorFilter extends OncePerRequestFilter {

    private static final int MAX_DEVICE = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)
                || token.getToken().getSubject() == null) {
            chain.doFilter(request, response);
            return;
        }
        String device = request.getHeader(MessageController.DEVICE);
        if (device != null && (device.isBlank() || device.length() > MAX_DEVICE)) {
            device = null;
        }
        try {
            new Actor(token.getToken().getSubject(), device).run(() -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
