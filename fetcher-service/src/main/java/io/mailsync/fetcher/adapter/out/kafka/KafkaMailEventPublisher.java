package io.mailsync.fetcher.adapter.out.kafka;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MailEvent;
import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a batch; its acknowledgements are awaited by the caller ({@link Sent#await()}) before its cursor advances,
 * so an import can read its next batch while this one travels. A send is observed (a span, the record's
 * {@code traceparent}) only inside a trace — a command's write-back echoing the flags it set (ADR 0009): the mail a
 * session finds on its own starts no trace anyone continues (the consumers of {@code mail.events} take a poll at a
 * time, which spring-kafka does not observe), and a span per message cost an import of 10,000 a third of the
 * fetcher's time on its sending threads (issue 18, P2). Both templates share one producer, so order is kept.
 */
@Component
class KafkaMailEventPublisher implements MailEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, String> observed;
    private final KafkaTemplate<String, String> plain;
    private final ObservationRegistry observations;
    private final EventCodec codec;
    private final String topic;
    private final MeterRegistry meters;

    KafkaMailEventPublisher(KafkaTemplate<String, String> kafka, ObservationRegistry observations, EventCodec codec,
                            TopicNames topics, MeterRegistry meters) {
        this.observed = kafka;
        this.plain = new KafkaTemplate<>(kafka.getProducerFactory());
        this.plain.setMicrometerEnabled(false); // its sends are counted below, by type
        this.observations = observations;
        this.codec = codec;
        this.topic = topics.events();
        this.meters = meters;
    }

    @Override
    public Sent send(List<? extends MailEvent> events) {
        KafkaTemplate<String, String> kafka = observations.getCurrentObservation() == null ? plain : observed;
        List<CompletableFuture<?>> sent = events.stream()
                .<CompletableFuture<?>>map(e -> kafka.send(topic, e.accountId().value(), codec.encode(e)))
                .toList();
        return () -> awaitAcks(events, sent);
    }

    private void awaitAcks(List<? extends MailEvent> events, List<CompletableFuture<?>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("events not acknowledged on " + topic + ": " + e.getMessage(), e);
        }
        for (MailEvent e : events) {
            meters.counter("mailsync.fetcher.events.published", "type", EventCodec.wireType(e.getClass()).name())
                    .increment();
        }
    }
}
