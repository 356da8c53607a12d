package io.mailsync.gateway.adapter.in.web;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The downstream route breakers as metrics (issue 17): {@code resilience4j_circuitbreaker_state{name,state}} is 1
 * for a breaker's current state, which the shipped dashboard shows and the "breaker open" alert watches, beside its
 * calls and failure rate. Boot binds every {@link MeterBinder} bean to the registry; breakers created later are bound
 * as they appear.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamGuardMetrics {

    @Bean
    MeterBinder downstreamBreakerMetrics(TenantIsolation isolation) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(isolation.routeBreakers());
    }
}
