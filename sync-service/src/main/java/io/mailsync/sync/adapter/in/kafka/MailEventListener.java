package io.mailsync.sync.adapter.in.kafka;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.sync.application.ApplyMailEvent;
import io.mailsync.sync.application.ApplyMailEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Takes {@code mail.events} a poll at a time (up to {@code max.poll.records}) and applies each record once, in
 * order per account (one account's events share a partition), in bulk ({@link ApplyMailEvents}). Unknown types
 * are skipped (forward compatibility). A record that fails is named to the error handler by its index
 * ({@link BatchListenerFailedException}): the records before it are committed, it alone is retried and then sent to
 * the DLT (at once if it is malformed), and the records after it are polled again — replays change nothing.
 */
@Component
class MailEventListener {

    /** ADR 0001: consumer group ids are constants; service-support's {@code ConsumerGroups} appends the suffix. */
    static final String GROUP = "sync";

    private static final Logger log = LoggerFactory.getLogger(MailEventListener.class);

    private final ApplyMailEvents applyAll;
    private final ApplyMailEvent applyOne;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final Timer delay;

    MailEventListener(ApplyMailEvents applyAll, ApplyMailEvent applyOne, EventCodec codec, MeterRegistry meters) {
        this.applyAll = applyAll;
        this.applyOne = applyOne;
        this.codec = codec;
        this.meters = meters;
        this.delay = Timer.builder("mailsync.sync.event.delay")
                .description("from the event's occurredAt until the sync service applied it")
                // buckets, not percentiles computed in the pod: they add up across pods (issue 17, ADR 0009)
                .publishPercentileHistogram().register(meters);
    }

    @KafkaListener(id = "sync-mail-events", topics = "#{@topicNames.events()}",
            groupId = "#{@consumerGroups.named('" + GROUP + "')}", batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        List<MailEvent> events = new ArrayList<>(records.size());
        List<Integer> indexes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            MailEvent event;
            try {
                event = decode(records.get(i));
            } catch (MalformedRecordException poison) {
                apply(events, indexes); // everything before the poison record, so only it is held back
                throw new BatchListenerFailedException(poison.getMessage(), poison, i);
            }
            if (event != null) {
                events.add(event);
                indexes.add(i);
            }
        }
        apply(events, indexes);
    }

    private MailEvent decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        return switch (codec.decode(record.value())) {
            case EventCodec.Decoded.Known(MailEvent event) -> event;
            case EventCodec.Decoded.Known known -> {
                log.debug("skipping {} on the events topic", known.record().getClass().getSimpleName());
                yield null;
            }
            case EventCodec.Decoded.Unknown unknown -> {
                log.debug("skipping unknown type {} v{}", unknown.type(), unknown.schemaVersion());
                yield null;
            }
        };
    }

    private void apply(List<MailEvent> events, List<Integer> indexes) {
        if (events.isEmpty()) {
            return;
        }
        try {
            applyAll.apply(events);
        } catch (RuntimeException batchFailed) {
            // which record? apply them one at a time in order: those already applied change nothing again
            log.warn("a batch of {} events failed ({}); applying them one at a time", events.size(),
                    batchFailed.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    applyOne.apply(events.get(i));
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException(failure.getMessage(), failure, indexes.get(i));
                }
                applied(events.get(i));
            }
            return;
        }
        events.forEach(this::applied);
    }

    private void applied(MailEvent event) {
        meters.counter("mailsync.sync.events.consumed", "type", event.getClass().getSimpleName()).increment();
        delay.record(Duration.between(event.occurredAt(), Instant.now()).abs());
    }
}
