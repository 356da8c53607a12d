package io.mailsync.sync.adapter.in.kafka;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MailEvent;
import io.mailsync.sync.application.ApplyMailEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One account's events arrive in order on one partition. Unknown types are skipped (forward compatibility);
 * a malformed record throws {@code MalformedRecordException}, which the error handler sends to the DLT.
 */
@Component
class MailEventListener {

    /** ADR 0001: consumer group ids are constants plus {@code mailsync.kafka.group-suffix}. */
    static final String GROUP = "sync";

    private static final Logger log = LoggerFactory.getLogger(MailEventListener.class);

    private final ApplyMailEvent apply;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final Timer delay;

    MailEventListener(ApplyMailEvent apply, EventCodec codec, MeterRegistry meters) {
        this.apply = apply;
        this.codec = codec;
        this.meters = meters;
        this.delay = Timer.builder("mailsync.sync.event.delay")
                .description("from the event's occurredAt until the sync service applied it")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @KafkaListener(id = "sync-mail-events", topics = "#{@topicNames.events()}",
            groupId = GROUP + "${mailsync.kafka.group-suffix:}")
    void onEvent(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        switch (codec.decode(record.value())) {
            case EventCodec.Decoded.Known(MailEvent event) -> {
                apply.apply(event);
                meters.counter("mailsync.sync.events.consumed", "type", event.getClass().getSimpleName()).increment();
                delay.record(Duration.between(event.occurredAt(), Instant.now()).abs());
            }
            case EventCodec.Decoded.Known known ->
                    log.debug("skipping {} on the events topic", known.record().getClass().getSimpleName());
            case EventCodec.Decoded.Unknown unknown ->
                    log.debug("skipping unknown type {} v{}", unknown.type(), unknown.schemaVersion());
        }
    }
}
