package io.mailsync.gateway.adapter.in.web;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.mailsync.gateway.application.settings.DownstreamSettings;
import io.mailsync.gateway.domain.Caller;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Guards the proxy call of a route ({@link TenantIsolation}): the route's breaker (refused connections), the
 * calling customer's breaker (its timeouts and 5xx answers) and bulkhead (its calls in flight), and one time limiter.
 * A request that is the client's fault (a body over the limit, something that cannot be forwarded) is a 4xx and
 * counts against no breaker; neither does a downstream 4xx.
 */
@Component
class DownstreamGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DownstreamGuard.class);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final TenantIsolation isolation;
    private final TimeLimiter timeLimiter;
    /** The caller's trace goes with the call to its virtual thread, so the downstream request continues it. */
    private final ExecutorService calls = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            SNAPSHOTS::captureAll);

    DownstreamGuard(DownstreamSettings downstream, TenantIsolation isolation) {
        this.isolation = isolation;
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(downstream.timeout())
                .cancelRunningFuture(true)
                .build());
    }

    HandlerFilterFunction<ServerResponse, ServerResponse> guard(String service) {
        CircuitBreaker route = isolation.route(service);
        return (request, next) -> call(service, route, request.requestPath().value(), () -> next.handle(request));
    }

    /**
     * One call to {@code service} for {@code path} under the same breakers, bulkhead and time limit as its proxied
     * route: the gateway's own calls (push replay) count and are refused like a client's.
     */
    ServerResponse call(String service, String path, Callable<ServerResponse> call) {
        return call(service, isolation.route(service), path, call);
    }

    private ServerResponse call(String service, CircuitBreaker route, String path, Callable<ServerResponse> call) {
        String customer = Callers.current().map(Caller::customerId).orElse("-");
        TenantIsolation.Lane lane = isolation.lane(service, customer);
        if (!route.tryAcquirePermission()) {
            return unavailable(service, "cannot be reached; calls are paused for a moment", path);
        }
        if (!lane.breaker().tryAcquirePermission()) {
            route.releasePermission();
            return unavailable(service, "is failing for this customer's requests; they are paused for a moment",
                    path);
        }
        if (!lane.bulkhead().tryAcquirePermission()) {
            route.releasePermission();
            lane.breaker().releasePermission();
            return Problems.response(HttpStatus.TOO_MANY_REQUESTS, "too many requests of this customer are "
                    + "in flight to " + service + "; retry when one has finished", path, "Retry-After", "1");
        }
        long start = System.nanoTime();
        try {
            // on a virtual thread so the time limiter can give up on it; the servlet thread streams the body
            ServerResponse response = timeLimiter.executeFutureSupplier(
                    () -> calls.submit(call));
            long took = System.nanoTime() - start;
            route.onSuccess(took, TimeUnit.NANOSECONDS); // it answered: reachable
            if (response.statusCode().is5xxServerError()) {
                lane.breaker().onError(took, TimeUnit.NANOSECONDS,
                        new DownstreamFailure(response.statusCode().value()));
            } else {
                lane.breaker().onSuccess(took, TimeUnit.NANOSECONDS); // 2xx-4xx: the service works
            }
            return response;
        } catch (TimeoutException e) {
            route.releasePermission();
            lane.breaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return unavailable(service, "did not answer within " + timeLimiter.getTimeLimiterConfig()
                    .getTimeoutDuration().toMillis() + " ms", path);
        } catch (Exception e) {
            return failed(service, route, lane, e, System.nanoTime() - start, path);
        } finally {
            lane.bulkhead().onComplete();
        }
    }

    private ServerResponse failed(String service, CircuitBreaker route, TenantIsolation.Lane lane, Exception e,
            long took, String path) {
        if (BodyLimitFilter.causedByLimit(e)) {
            route.releasePermission();
            lane.breaker().releasePermission(); // the client's fault, not the service's
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large", path,
                    "Connection", "close");
        }
        if (!has(e, RestClientException.class, IOException.class, UncheckedIOException.class)) {
            // something about this request could not be forwarded (a header, an escape): not an outage
            route.releasePermission();
            lane.breaker().releasePermission();
            log.info("{} request not forwardable: {}", service, e.getClass().getSimpleName());
            return Problems.response(HttpStatus.BAD_REQUEST, "the request cannot be forwarded as sent", path);
        }
        if (has(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class)) {
            route.onError(took, TimeUnit.NANOSECONDS, e); // down for everyone
            lane.breaker().releasePermission();
        } else {
            route.releasePermission();
            lane.breaker().onError(took, TimeUnit.NANOSECONDS, e); // reset or unreadable answer mid-call
        }
        log.warn("{} call failed: {}", service, e.getClass().getSimpleName());
        return unavailable(service, "cannot be reached", path);
    }

    @SafeVarargs
    private static boolean has(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ServerResponse unavailable(String service, String why, String path) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, service + " " + why + "; try again shortly", path,
                "Retry-After", "5");
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** A service answered 5xx: the customer's breaker counts it, the client still gets the service's answer. */
    static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(int status) {
            super("downstream answered " + status, null, false, false);
        }
    }
}
