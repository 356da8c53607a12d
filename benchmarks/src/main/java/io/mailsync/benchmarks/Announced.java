package io.mailsync.benchmarks;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.SetFlags;
import io.mailsync.events.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Notes when records reach Kafka, from the moment it is made: each account's {@code MessageArrived} (mail.events),
 * the first {@code MessageFlagsChanged} and {@code SetFlags} per message (mail.events, mail.commands) and the first
 * {@code AccountSpec} and {@code AccountStatusChanged} of each status per account (mail.accounts, mail.events), and
 * every {@code AccountStateAdvanced} (mail.state: sync-service has applied something). A
 * figure uses them to say which stage its time goes to (the fetcher, Kafka, sync-service and the API).
 */
final class Announced {

    private static final EventCodec CODEC = new EventCodec();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAt = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    private final Map<String, Long> flagsChangedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> flagsChangedSentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> commandAt = new ConcurrentHashMap<>();
    private final Map<String, Long> specAt = new ConcurrentHashMap<>();
    private final Map<String, Long> statusAt = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> statesAt = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Thread reader;

    Announced(String kafka, TopicNames topics) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.events(), topics.commands(), topics.accounts(), topics.state())) {
            consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = Thread.ofPlatform().daemon().name("bench-kafka-tap").start(() -> {
            try (consumer) {
                while (running) {
                    for (var r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (r.value() == null) {
                            continue;
                        }
                        // a MessageArrived is counted by its key (the account) without reading it: decoding every
                        // record of a 10,000-message import cost this tap as much CPU as sync-service's own reading
                        if (CODEC.knownType(r.value()).orElse(null) == MessageArrived.class && r.key() != null) {
                            arrived(r.key(), now);
                        } else if (CODEC.decode(r.value()) instanceof EventCodec.Decoded.Known k) {
                            if (k.record() instanceof MessageFlagsChanged c) {
                                flagsChangedSentAt.putIfAbsent(key(c.accountId().value(), c.locator().uid()),
                                        r.timestamp());
                            }
                            note(k.record(), now);
                        }
                    }
                }
            }
        });
    }

    private void note(Object record, long now) {
        switch (record) {
            case MessageArrived a -> arrived(a.accountId().value(), now);
            case MessageFlagsChanged c -> flagsChangedAt.putIfAbsent(key(c.accountId().value(), c.locator().uid()),
                    now);
            case SetFlags s -> commandAt.putIfAbsent(key(s.accountId().value(), s.locator().uid()), now);
            case AccountSpec spec -> specAt.putIfAbsent(spec.accountId().value(), now);
            case AccountStateAdvanced advanced -> statesAt.computeIfAbsent(advanced.accountId().value(),
                    x -> Collections.synchronizedList(new ArrayList<>())).add(now);
            case AccountStatusChanged status -> statusAt.putIfAbsent(status.accountId() + "|" + status.status(), now);
            default -> {
            }
        }
    }

    private void arrived(String accountId, long now) {
        counts.computeIfAbsent(accountId, x -> new AtomicInteger()).incrementAndGet();
        lastAt.put(accountId, now);
        times.computeIfAbsent(accountId, x -> Collections.synchronizedList(new ArrayList<>())).add(now);
    }

    private static String key(String accountId, long uid) {
        return accountId + "|" + uid;
    }

    /** When (nanoTime) the {@code n}-th (0-based) MessageArrived of the account was read, or null. */
    Long at(String accountId, int n) {
        List<Long> list = times.get(accountId);
        return list == null || list.size() <= n ? null : list.get(n);
    }

    int count(String accountId) {
        AtomicInteger n = counts.get(accountId);
        return n == null ? 0 : n.get();
    }

    /** When the first MessageFlagsChanged for the message was read, or null. */
    Long flagsChanged(String accountId, long uid) {
        return flagsChangedAt.get(key(accountId, uid));
    }

    /** When (epoch ms) the producer of the first MessageFlagsChanged for the message sent it, or null. */
    Long flagsChangedSent(String accountId, long uid) {
        return flagsChangedSentAt.get(key(accountId, uid));
    }

    /** When the first SetFlags for the message was read, or null. */
    Long command(String accountId, long uid) {
        return commandAt.get(key(accountId, uid));
    }

    /** When the account's session first reported {@code status} (CONNECTING, CONNECTED, IDLE, ...), or null. */
    Long status(String accountId, AccountStatusChanged.Status status) {
        return statusAt.get(accountId + "|" + status);
    }

    /** When the first {@code AccountStateAdvanced} of the account read at or after {@code after} was read, or null. */
    Long stateAfter(String accountId, long after) {
        List<Long> list = statesAt.get(accountId);
        if (list == null) {
            return null;
        }
        synchronized (list) {
            return list.stream().filter(at -> at >= after).findFirst().orElse(null);
        }
    }

    /** When the account's first registration was read, or null. */
    Long spec(String accountId) {
        return specAt.get(accountId);
    }

    /** Stops reading; answers when {@code accountId}'s last announcement was read (nanoTime) if all came, else 0. */
    long close(String accountId, int messages) throws InterruptedException {
        close();
        return count(accountId) >= messages ? lastAt.getOrDefault(accountId, 0L) : 0L;
    }

    void close() throws InterruptedException {
        running = false;
        reader.join(5000);
    }
}
