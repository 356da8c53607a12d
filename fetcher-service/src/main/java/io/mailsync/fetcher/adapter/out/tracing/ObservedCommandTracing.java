package io.mailsync.fetcher.adapter.out.tracing;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MailCommand;
import io.mailsync.fetcher.application.port.out.CommandTracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.stereotype.Component;

/**
 * A command's write-back as an observation ({@code mailsync.fetcher.write-back}, tagged with the command's wire type)
 * whose parent is whatever was current when the command arrived — the Kafka listener's span, itself continued from the
 * {@code traceparent} header sync-service's producer wrote. Through Micrometer Tracing that is a span of the API
 * request's trace, and a timer of how long write-backs take.
 */
@Component
class ObservedCommandTracing implements CommandTracing {

    static final String NAME = "mailsync.fetcher.write-back";

    private final ObservationRegistry registry;

    ObservedCommandTracing(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Carried capture(MailCommand command) {
        Observation parent = registry.getCurrentObservation();
        String type = EventCodec.wireType(command.getClass()).name();
        return () -> {
            Observation observation = Observation.createNotStarted(NAME, registry)
                    .parentObservation(parent)
                    .contextualName("write-back " + type)
                    .lowCardinalityKeyValue("command", type)
                    .start();
            Observation.Scope scope = observation.openScope();
            return () -> {
                scope.close();
                observation.stop();
            };
        };
    }
}
