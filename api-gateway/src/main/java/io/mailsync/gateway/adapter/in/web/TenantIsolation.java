package io.mailsync.gateway.adapter.in.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.mailsync.gateway.application.settings.DownstreamSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The breakers and bulkheads calls to the services go through (issue 16: one gateway-wide breaker let one customer's
 * garbage pause every customer). Per route and customer: a breaker that counts that customer's timeouts and 5xx
 * answers, and a bulkhead that caps that customer's calls in flight — kept for the most recently active customers
 * only (a bounded cache, so a flood of customers cannot grow memory). Per route: a breaker that counts only refused
 * connections, which no customer can cause. Every opening is counted in
 * {@code mailsync.gateway.breaker.openings{route,scope}}; the route breakers alone are also exported as
 * {@code resilience4j_circuitbreaker_*} ({@link DownstreamGuardMetrics}) — one series per route, not per customer.
 */
@Component
class TenantIsolation {

    /** One customer's isolation on one route. */
    record Lane(CircuitBreaker breaker, Bulkhead bulkhead) {
    }

    private final CircuitBreakerConfig breakerConfig;
    private final BulkheadConfig bulkheadConfig;
    private final Map<String, CircuitBreaker> routes = new ConcurrentHashMap<>();
    private final CircuitBreakerRegistry routeRegistry;
    private final Cache<String, Lane> lanes;
    private final MeterRegistry meters;

    TenantIsolation(DownstreamSettings d, MeterRegistry meters) {
        this.meters = meters;
        this.breakerConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(d.failureRateThreshold())
                .slidingWindowSize(d.slidingWindowSize())
                .minimumNumberOfCalls(d.minimumNumberOfCalls())
                .waitDurationInOpenState(d.openFor())
                .build();
        this.routeRegistry = CircuitBreakerRegistry.of(breakerConfig);
        this.bulkheadConfig = BulkheadConfig.custom()
                .maxConcurrentCalls(d.maxConcurrentPerCustomer())
                .maxWaitDuration(Duration.ZERO)
                .build();
        this.lanes = Caffeine.newBuilder().maximumSize(d.maxTrackedCustomers())
                .expireAfterAccess(d.openFor().multipliedBy(6).plus(Duration.ofMinutes(5))).build();
    }

    /** The breaker of a whole route: opened only by connections the service refused. */
    CircuitBreaker route(String route) {
        return routes.computeIfAbsent(route, r -> counted(routeRegistry.circuitBreaker(r), r, "route"));
    }

    /** The route breakers, for the metrics the dashboard and the "breaker open" alert read. */
    CircuitBreakerRegistry routeBreakers() {
        return routeRegistry;
    }

    Lane lane(String route, String customerId) {
        return lanes.get(route + "\u0000" + customerId, key -> new Lane(
                counted(CircuitBreaker.of(route + ":" + customerId, breakerConfig), route, "customer"),
                Bulkhead.of(route + ":" + customerId, bulkheadConfig)));
    }

    private CircuitBreaker counted(CircuitBreaker breaker, String route, String scope) {
        Counter openings = Counter.builder("mailsync.gateway.breaker.openings")
                .description("circuit breakers that opened, by route and whether for one customer or the route")
                .tag("route", route).tag("scope", scope).register(meters);
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openings.increment();
            }
        });
        return breaker;
    }
}
