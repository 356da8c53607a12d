package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.domain.ApiPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request — client, method, route, path, status, latency — and the
 * {@code mailsync.gateway.requests} timer by route and status. Never the query string, a header or a body.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("io.mailsync.gateway.access");

    private final MeterRegistry meters;

    AccessLogFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // push streams: log when the stream ends, with its whole duration
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(request, response, start);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            } else {
                record(request, response, start);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, long start) {
        long nanos = System.nanoTime() - start;
        String route = ApiPath.route(request.getRequestURI());
        int status = response.getStatus();
        Object client = request.getAttribute(Callers.CLIENT_ATTRIBUTE);
        Timer.builder("mailsync.gateway.requests")
                .description("requests through the gateway by route and status")
                .tag("route", route).tag("status", Integer.toString(status))
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        log.info("client={} method={} route={} path={} status={} latencyMs={}",
                client == null ? "-" : client, request.getMethod(), route, request.getRequestURI(), status,
                TimeUnit.NANOSECONDS.toMillis(nanos));
    }
}
