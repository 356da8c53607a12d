package io.mailsync.gateway.adapter.in.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.mailsync.gateway.config.GatewayProperties;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * One Resilience4j circuit breaker and time limiter per downstream route: a service that is down or hangs answers
 * 503 problem+json within the time limit, and an open breaker answers at once without calling.
 */
@Component
class DownstreamGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DownstreamGuard.class);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final CircuitBreakerRegistry breakers;
    private final TimeLimiter timeLimiter;
    /** The caller's trace goes with the call to its virtual thread, so the downstream request continues it. */
    private final ExecutorService calls = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            SNAPSHOTS::captureAll);

    DownstreamGuard(GatewayProperties properties) {
        GatewayProperties.Downstream d = properties.downstream();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(d.failureRateThreshold())
                .slidingWindowSize(d.slidingWindowSize())
                .minimumNumberOfCalls(d.minimumNumberOfCalls())
                .waitDurationInOpenState(d.openFor())
                .build());
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(d.timeout())
                .cancelRunningFuture(true)
                .build());
    }

    CircuitBreakerRegistry breakers() {
        return breakers;
    }

    /** Wraps the proxy call of route {@code service}; 5xx answers from the service count as failures too. */
    HandlerFilterFunction<ServerResponse, ServerResponse> guard(String service) {
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        return (request, next) -> {
            String path = request.requestPath().value();
            if (!breaker.tryAcquirePermission()) {
                return unavailable(service, "is failing; calls are paused for a moment", path);
            }
            long start = System.nanoTime();
            try {
                // The call runs on a virtual thread so the time limiter can give up on it; the servlet thread
                // waits and streams the response body afterwards.
                ServerResponse response = timeLimiter.executeFutureSupplier(
                        () -> calls.submit(() -> next.handle(request)));
                long took = System.nanoTime() - start;
                if (response.statusCode().is5xxServerError()) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new DownstreamFailure(response.statusCode().value()));
                } else {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                }
                return response;
            } catch (TimeoutException e) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                return unavailable(service, "did not answer within " + timeLimiter.getTimeLimiterConfig()
                        .getTimeoutDuration().toMillis() + " ms", path);
            } catch (CallNotPermittedException e) {
                return unavailable(service, "is failing; calls are paused for a moment", path);
            } catch (Exception e) {
                if (BodyLimitFilter.causedByLimit(e)) {
                    breaker.releasePermission(); // the client's fault, not the service's
                    return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close")
                            .contentType(Problems.PROBLEM_JSON).body(Problems.toJson(Problems.of(
                                    HttpStatus.CONTENT_TOO_LARGE, "the request body is too large", path)));
                }
                if (!isDownstreamFailure(e)) {
                    // something about this request could not be forwarded (a header, an escape): not an outage
                    breaker.releasePermission();
                    log.info("{} request not forwardable: {}", service, e.getClass().getSimpleName());
                    return ServerResponse.badRequest().contentType(Problems.PROBLEM_JSON).body(Problems.toJson(
                            Problems.of(HttpStatus.BAD_REQUEST, "the request cannot be forwarded as sent", path)));
                }
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                log.warn("{} call failed: {}", service, e.getClass().getSimpleName());
                return unavailable(service, "cannot be reached", path);
            }
        };
    }

    /** Only I/O trouble with the service (refused, reset, unreadable answer) counts against its breaker. */
    private static boolean isDownstreamFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestClientException || t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static ServerResponse unavailable(String service, String why, String path) {
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.toJson(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        service + " " + why + "; try again shortly", path)));
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** A service answered 5xx: the breaker counts it, the client still gets the service's answer. */
    static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(int status) {
            super("downstream answered " + status, null, false, false);
        }
    }
}
