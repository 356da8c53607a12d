package io.mailsync.reliability;

import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code mail.events} as it is written, per account, noting when each record was seen: who held a session
 * (the origin's fetcher instance), with which owner epoch, in which state (issue 15's failover scenarios).
 */
final class EventLog implements AutoCloseable {

    record Entry(String type, String status, String instance, Long epoch, long occurredAtMs, long seenAtMs,
                 JsonNode event) {
    }

    private final Map<String, List<Entry>> byAccount = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean open = true;

    EventLog(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = Thread.ofPlatform().daemon().name("event-log").start(this::follow);
    }

    private void follow() {
        while (open) {
            try {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    if (r.value() == null || r.key() == null) {
                        return;
                    }
                    JsonNode e = ApiClient.JSON.readTree(r.value());
                    String origin = e.path("origin").path("id").asString("");
                    String instance = origin.contains("/") ? origin.substring(0, origin.indexOf('/')) : origin;
                    Long epoch = e.hasNonNull("ownerEpoch") ? e.path("ownerEpoch").asLong() : null;
                    byAccount.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).add(new Entry(
                            e.path("type").asString(), e.path("status").asString(null), instance, epoch,
                            java.time.Instant.parse(e.path("occurredAt").asString()).toEpochMilli(),
                            System.currentTimeMillis(), e));
                });
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (open) {
                    System.err.println("event log: " + e);
                }
            }
        }
    }

    List<Entry> of(String accountId) {
        return byAccount.getOrDefault(accountId, List.of());
    }

    /**
     * The last status event as sync-service applies it: an event whose owner epoch is older than the newest seen
     * before it in the log is a stale owner's and does not count (issue 15).
     */
    Entry lastStatus(String accountId) {
        Entry last = null;
        long newest = 0;
        for (Entry e : of(accountId)) {
            if (e.epoch() != null && e.epoch() < newest) {
                continue;
            }
            if (e.epoch() != null) {
                newest = e.epoch();
            }
            if ("AccountStatusChanged".equals(e.type())) {
                last = e;
            }
        }
        return last;
    }

    /** The instance whose session last reported IDLE for the account (null: none). */
    String holder(String accountId) {
        Entry last = lastStatus(accountId);
        return last != null && "IDLE".equals(last.status()) ? last.instance() : null;
    }

    /** The newest owner epoch any event of the account carried. */
    long newestEpoch(String accountId) {
        return of(accountId).stream().map(Entry::epoch).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public void close() {
        open = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
