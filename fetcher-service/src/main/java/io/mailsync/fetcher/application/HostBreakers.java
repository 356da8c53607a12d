package io.mailsync.fetcher.application;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.mailsync.fetcher.application.port.out.MailServerException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A circuit breaker per mail host (Resilience4j): when most connection attempts to one host fail, its accounts
 * stop trying for a while instead of each hammering a dead server on its own back-off. Only "unreachable" counts
 * as a failure; a wrong password is the account's problem, not the host's.
 */
public final class HostBreakers {

    private final CircuitBreakerRegistry registry;

    public HostBreakers(int minimumCalls, Duration openFor) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(minimumCalls, 20))
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(MailServerException.Unreachable.class)
                .build());
    }

    /** Runs {@code connect} unless the host's breaker is open; then fails as unreachable without a connection. */
    <T> T connect(String host, int port, Supplier<T> connect) {
        CircuitBreaker breaker = registry.circuitBreaker(host + ":" + port);
        try {
            return breaker.executeSupplier(connect);
        } catch (CallNotPermittedException e) {
            throw new MailServerException.Unreachable(host + ":" + port + " is failing for many accounts, "
                    + "not trying for now (circuit open)", e);
        }
    }

    public CircuitBreaker.State state(String host, int port) {
        return registry.circuitBreaker(host + ":" + port).getState();
    }
}
