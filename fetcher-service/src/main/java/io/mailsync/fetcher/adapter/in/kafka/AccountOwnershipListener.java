package io.mailsync.fetcher.adapter.in.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MailCommand;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.AccountSessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Kafka's group coordinator is the scheduler (DESIGN.md "Who fetches which account"): the accounts partitions
 * assigned to this consumer are the accounts this fetcher owns. On assignment they are read from the beginning
 * (the topic is compacted: the latest registration of every account); on revocation their sessions are closed
 * before the partitions move on. A registration written before its partition was assigned here is a takeover (or a
 * restart) and is staggered with the rest; one written since is a new registration and opens at once. Commands are
 * co-partitioned and read by the same consumer, so they reach the owner of their account; their offsets are
 * committed only once applied ({@link CommandOffsets}, issue 15).
 */
@Component
class AccountOwnershipListener implements ConsumerSeekAware {

    static final String ID = "fetcher-ownership";
    private static final Logger log = LoggerFactory.getLogger(AccountOwnershipListener.class);

    private final AccountSessions sessions;
    private final EventCodec codec;
    private final TopicNames topics;
    private final CommandOffsets offsets;
    private final Map<Integer, Set<AccountId>> accountsByPartition = new ConcurrentHashMap<>();
    private final Map<Integer, Long> assignedAtMillis = new ConcurrentHashMap<>();
    private final Clock clock;

    AccountOwnershipListener(AccountSessions sessions, EventCodec codec, TopicNames topics,
                             @Lazy KafkaListenerEndpointRegistry registry, Clock clock) {
        this.sessions = sessions;
        this.codec = codec;
        this.topics = topics;
        this.clock = clock;
        this.offsets = new CommandOffsets(tp -> registry.getListenerContainer(ID).pausePartition(tp),
                tp -> registry.getListenerContainer(ID).resumePartition(tp));
    }

    @KafkaListener(id = ID,
            topics = {"#{@topicNames.accounts()}", "#{@topicNames.commands()}"},
            groupId = "#{@consumerGroups.named('" + FetcherGroups.OWNERSHIP + "')}",
            properties = {"auto.offset.reset=earliest", "group.protocol=consumer", "group.remote.assignor=range"})
    void onRecord(ConsumerRecord<String, String> record, Acknowledgment ack) {
        if (record.topic().equals(topics.accounts())) {
            onAccount(record);
            ack.acknowledge(); // re-read from the beginning on every assignment anyway
        } else {
            onCommand(record, ack);
        }
    }

    private void onAccount(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // a tombstone whose key is no account id names no account this fetcher could have opened
            Optional<AccountId> removed = Optional.ofNullable(record.key()).flatMap(AccountOwnershipListener::accountId);
            removed.ifPresent(accountId -> {
                owned(record.partition()).remove(accountId);
                sessions.forget(accountId);
            });
            return;
        }
        // a malformed record propagates: the container's error handler sends it to the dead-letter topic
        codec.decode(record.value(), AccountSpec.class).ifPresentOrElse(spec -> {
            owned(record.partition()).add(AccountId.of(spec.accountId()));
            if (writtenBeforeAssignment(record)) {
                sessions.takeOver(spec);
            } else {
                sessions.watch(spec);
            }
        }, () -> log.debug("skipping a record of unknown type at {}-{}@{}", record.topic(), record.partition(),
                record.offset()));
    }

    /**
     * A malformed command propagates to the dead-letter topic untracked (the error handler does not commit it, and
     * the next applied command's commit passes it); a tombstone or an unknown type is done at once.
     */
    private void onCommand(ConsumerRecord<String, String> record, Acknowledgment ack) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        var command = record.value() == null ? java.util.Optional.<MailCommand>empty()
                : codec.decode(record.value(), MailCommand.class);
        Runnable done = offsets.track(partition, record.offset(), ack);
        command.ifPresentOrElse(c -> sessions.command(c, done), done);
    }

    /**
     * The record's timestamp (the producer's clock, or the broker's) against this fetcher's: a skew of a few seconds
     * only decides whether a registration written just around the assignment waits up to the takeover window or not.
     */
    private boolean writtenBeforeAssignment(ConsumerRecord<String, String> record) {
        Long assignedAt = assignedAtMillis.get(record.partition());
        return assignedAt == null || record.timestamp() < assignedAt;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        List<TopicPartition> accounts = assignments.keySet().stream()
                .filter(tp -> tp.topic().equals(topics.accounts())).toList();
        assignments.keySet().stream().filter(tp -> tp.topic().equals(topics.commands())).forEach(offsets::forget);
        long now = clock.millis();
        accounts.forEach(tp -> assignedAtMillis.put(tp.partition(), now));
        log.info("owning account partitions {}", accounts.stream().map(TopicPartition::partition).sorted().toList());
        callback.seekToBeginning(accounts);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        List<AccountId> released = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (tp.topic().equals(topics.accounts())) {
                assignedAtMillis.remove(tp.partition());
                Set<AccountId> accounts = accountsByPartition.remove(tp.partition());
                if (accounts != null) {
                    released.addAll(accounts);
                }
            }
        }
        if (!released.isEmpty()) {
            log.info("releasing {} accounts of revoked partitions", released.size());
            int unapplied = sessions.release(released).size();
            if (unapplied > 0) {
                log.info("{} commands not applied yet go to the partitions' next owner", unapplied);
            }
        }
        partitions.stream().filter(tp -> tp.topic().equals(topics.commands())).forEach(offsets::forget);
    }

    /** Commands whose account has no registration after this long were for a removed account. */
    int refuseOrphans(java.time.Duration wait) {
        return sessions.refuseHeldLongerThan(wait);
    }

    private static Optional<AccountId> accountId(String key) {
        try {
            return Optional.of(AccountId.of(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Set<AccountId> owned(int partition) {
        return accountsByPartition.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet());
    }
}
