package io.mailsync.support.observability;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Traces are about customers' requests and their effects: Prometheus scrapes and probes hit every pod every few
 * seconds and would bury them, so requests to {@code /actuator} are not observed.
 */
@AutoConfiguration
@ConditionalOnClass({ObservationPredicate.class, ServerRequestObservationContext.class})
public class TracingAutoConfiguration {

    @Bean
    ObservationPredicate noActuatorTraces() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null
                && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }
}
