package io.mailsync.fetcher.adapter.in.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * {@code mail.commands} follows the ownership of {@code mail.accounts} by partition number (ADR 0007, issue 15): the
 * fetcher that owns accounts partition N reads commands partition N, on a container of its own assigned exactly that
 * partition. It is started when N is assigned and stopped — before the revocation callback returns, so before N can
 * move on — when N is revoked or lost. The ownership group thus subscribes to one topic and may use the sticky
 * {@code uniform} assignor: a failed member's partitions go to the survivors without first taking any of theirs.
 * The containers come from Boot's listener container factory, so acknowledgement mode ({@code MANUAL}), retries and
 * the dead-letter topic, and observation (a command's trace) are those of every other listener; their offsets are
 * committed under a group of their own ({@link FetcherGroups#COMMANDS}) — a consumer-protocol group refuses commits
 * from a consumer that is not its member.
 */
final class CommandPartitions {

    private static final Logger log = LoggerFactory.getLogger(CommandPartitions.class);
    /**
     * A commands consumer is assigned its partition (no group membership, the classic consumer), so its poll returns
     * as soon as a fetch brings a command; the timeout only paces its empty polls. The listeners' 25 ms (for the
     * ownership consumer, KAFKA-19259) made a dozen of these loop 40 times a second each: an idle devstack's CPU went
     * from 0.27 to 0.49 of a core. A stop waits for the poll under way, so a revocation waits up to this long.
     */
    private static final long POLL_TIMEOUT_MILLIS = 250;

    private final ConcurrentKafkaListenerContainerFactory<String, String> factory;
    private final String topic;
    private final String groupId;
    private final AcknowledgingMessageListener<String, String> listener;
    private final InheritedCommandOffsets inherited;
    private final Map<Integer, ConcurrentMessageListenerContainer<String, String>> containers =
            new ConcurrentHashMap<>();
    /** The partitions owned now (changed on the rebalance callback's thread); started in the background. */
    private final Set<Integer> wanted = ConcurrentHashMap.newKeySet();
    private final ReentrantLock changing = new ReentrantLock();

    CommandPartitions(ConcurrentKafkaListenerContainerFactory<String, String> factory, String topic, String groupId,
                      AcknowledgingMessageListener<String, String> listener, InheritedCommandOffsets inherited) {
        this.factory = factory;
        this.inherited = inherited;
        this.topic = topic;
        this.groupId = groupId;
        this.listener = listener;
    }

    /**
     * Starts reading the commands partitions numbered as these newly owned accounts partitions — in the background:
     * the offsets lookup and the consumers' start must not hold up the rebalance callback, after which the accounts
     * are read and their sessions opened (R14). Commands read before their account's registration wait for it.
     */
    void follow(Collection<Integer> partitions) {
        wanted.addAll(partitions);
        List<Integer> asked = List.copyOf(partitions);
        Thread.ofVirtual().name("commands-follow").start(() -> {
            changing.lock();
            try {
                // a partition revoked meanwhile is no longer wanted: never started
                List<TopicPartition> added = asked.stream()
                        .filter(p -> wanted.contains(p) && !containers.containsKey(p))
                        .map(p -> new TopicPartition(topic, p)).toList();
                Map<TopicPartition, Long> from = inherited.of(added);
                for (TopicPartition tp : added) {
                    containers.computeIfAbsent(tp.partition(), p -> start(p, from.get(tp)));
                }
            } catch (RuntimeException e) {
                log.error("could not start reading commands partitions {}", asked, e);
            } finally {
                changing.unlock();
            }
        });
    }

    /**
     * Stops reading these commands partitions; returns once their consumers are closed (in parallel), after any start
     * under way — so none of them is read here once the revocation callback has returned.
     */
    void release(Collection<Integer> partitions) {
        wanted.removeAll(partitions);
        changing.lock();
        try {
            List<ConcurrentMessageListenerContainer<String, String>> stopping = new ArrayList<>();
            for (int partition : partitions) {
                ConcurrentMessageListenerContainer<String, String> container = containers.remove(partition);
                if (container != null) {
                    stopping.add(container);
                }
            }
            List<Thread> stops = stopping.stream().map(c -> Thread.ofVirtual().start(c::stop)).toList();
            for (Thread stop : stops) {
                stop.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            changing.unlock();
        }
    }

    /** Whether this fetcher reads the commands partition now: a record of one it let go is not taken up. */
    boolean follows(int partition) {
        return containers.containsKey(partition);
    }

    Set<Integer> followed() {
        return Set.copyOf(containers.keySet());
    }

    /** Too many commands wait to be applied: the partition's fetches stop (never a command dropped). */
    void pause(TopicPartition partition) {
        ConcurrentMessageListenerContainer<String, String> container = containers.get(partition.partition());
        if (container != null) {
            container.pausePartition(partition);
        }
    }

    void resume(TopicPartition partition) {
        ConcurrentMessageListenerContainer<String, String> container = containers.get(partition.partition());
        if (container != null) {
            container.resumePartition(partition);
        }
    }

    void releaseAll() {
        Set<Integer> all = new java.util.HashSet<>(wanted);
        all.addAll(containers.keySet());
        release(all);
    }

    /** {@code offset}: where to start, or null for the group's committed offset (else the beginning). */
    private ConcurrentMessageListenerContainer<String, String> start(int partition, Long offset) {
        TopicPartitionOffset assigned = offset == null ? new TopicPartitionOffset(topic, partition)
                : new TopicPartitionOffset(topic, partition, offset);
        ConcurrentMessageListenerContainer<String, String> container = factory.createContainer(assigned);
        var properties = container.getContainerProperties();
        properties.setGroupId(groupId);
        properties.setPollTimeout(POLL_TIMEOUT_MILLIS);
        properties.setMessageListener(listener);
        // a partition this group never committed is read from its beginning, as the ownership group did
        properties.getKafkaConsumerProperties().setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        container.setBeanName(AccountOwnershipListener.COMMANDS_ID + "-" + partition);
        container.start();
        log.debug("reading {}-{}", topic, partition);
        return container;
    }
}
