package io.mailsync.gateway.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.CloseNowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An answer that fails after its status and first bytes went out — the service's answer broke off, or it was still
 * flowing at {@code spring.http.clients.read-timeout} — cannot become a problem any more: the client must see it
 * incomplete. The connection is closed at once, without the chunked body's last chunk, and the failure is one WARN
 * line. Tomcat closes the connection for any exception once the answer is committed, but logs it as an ERROR with
 * its stack trace unless it is its {@link CloseNowException}; a client that went away itself
 * ({@link ClientAbortException}) is no failure of ours and stays at DEBUG as Tomcat logs it.
 */
class CutOffAnswers extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CutOffAnswers.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!response.isCommitted() || clientWentAway(e)) {
                throw e;
            }
            log.warn("{} {}: the answer was cut off after {} began ({}); the connection is closed so the client "
                    + "sees it incomplete", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    rootCause(e));
            throw new CloseNowException("the answer was cut off", e);
        }
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
