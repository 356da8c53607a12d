package io.mailsync.fetcher.adapter.in.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MailCommand;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.AccountSessions;
import io.mailsync.support.kafka.ConsumerGroups;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Kafka's group coordinator is the scheduler (DESIGN.md "Who fetches which account"): the accounts partitions
 * assigned to this consumer are the accounts this fetcher owns. On assignment they are read from the beginning
 * (the topic is compacted: the latest registration of every account); on revocation their sessions are closed
 * before the partitions move on. A registration written before its partition was assigned here is a takeover (or a
 * restart) and is staggered with the rest; one written since is a new registration and opens at once. The group
 * subscribes to the accounts topic alone and uses the sticky {@code uniform} assignor, so a failed member's partitions
 * go to the survivors without a revocation round first (ADR 0007); the co-partitioned commands follow by partition
 * number ({@link CommandPartitions}), so they reach the owner of their account; their offsets are committed only
 * once applied ({@link CommandOffsets}, issue 15).
 */
@Component
class AccountOwnershipListener implements ConsumerSeekAware {

    static final String ID = "fetcher-ownership";
    static final String COMMANDS_ID = "fetcher-commands";
    private static final Logger log = LoggerFactory.getLogger(AccountOwnershipListener.class);

    private final AccountSessions sessions;
    private final EventCodec codec;
    private final TopicNames topics;
    private final CommandOffsets offsets;
    private final Map<Integer, Set<AccountId>> accountsByPartition = new ConcurrentHashMap<>();
    private final Map<Integer, Long> assignedAtMillis = new ConcurrentHashMap<>();
    private final CommandPartitions commands;
    private final Admin admin;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    AccountOwnershipListener(AccountSessions sessions, EventCodec codec, TopicNames topics,
                             ConcurrentKafkaListenerContainerFactory<?, ?> factory, ConsumerGroups groups,
                             KafkaAdmin kafkaAdmin, Clock clock) {
        this.sessions = sessions;
        this.codec = codec;
        this.topics = topics;
        this.clock = clock;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.commands = new CommandPartitions((ConcurrentKafkaListenerContainerFactory<String, String>) factory,
                topics.commands(), groups.named(FetcherGroups.COMMANDS), this::onCommand,
                new InheritedCommandOffsets(admin, groups.named(FetcherGroups.COMMANDS),
                        groups.named(FetcherGroups.OWNERSHIP)));
        this.offsets = new CommandOffsets(commands::pause, commands::resume);
    }

    @KafkaListener(id = ID,
            topics = "#{@topicNames.accounts()}",
            groupId = "#{@consumerGroups.named('" + FetcherGroups.OWNERSHIP + "')}",
            properties = {"auto.offset.reset=earliest", "group.protocol=consumer", "group.remote.assignor=uniform"})
    void onRecord(ConsumerRecord<String, String> record, Acknowledgment ack) {
        onAccount(record);
        ack.acknowledge(); // re-read from the beginning on every assignment anyway
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
            owned(record.partition()).add(spec.accountId());
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
     * the next applied command's commit passes it); a tombstone or an unknown type is done at once. A record of a
     * partition being let go (read while its container stops) is left to the next owner.
     * <p>
     * The annotation declares what the command consumers read and in which group (deploy's ACLs are checked against
     * the listeners' annotations); it is never started as one container on the whole topic —
     * {@link CommandPartitions} runs one per followed partition, calling this method.
     */
    @KafkaListener(id = COMMANDS_ID, autoStartup = "false",
            topics = "#{@topicNames.commands()}",
            groupId = "#{@consumerGroups.named('" + FetcherGroups.COMMANDS + "')}")
    void onCommand(ConsumerRecord<String, String> record, Acknowledgment ack) {
        if (!commands.follows(record.partition())) {
            return;
        }
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
        if (accounts.isEmpty()) {
            return;
        }
        List<Integer> numbers = accounts.stream().map(TopicPartition::partition).sorted().toList();
        numbers.forEach(p -> offsets.forget(new TopicPartition(topics.commands(), p)));
        long now = clock.millis();
        numbers.forEach(p -> assignedAtMillis.put(p, now));
        log.info("owning account partitions {}", numbers);
        callback.seekToBeginning(accounts);
        commands.follow(numbers);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        List<Integer> numbers = partitions.stream().filter(tp -> tp.topic().equals(topics.accounts()))
                .map(TopicPartition::partition).toList();
        // no command is read for these accounts from here on; those read and not applied go to the next owner
        commands.release(numbers);
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
        numbers.forEach(p -> offsets.forget(new TopicPartition(topics.commands(), p)));
    }

    /** The context closes: the command consumers go with the ownership consumer. */
    @PreDestroy
    void close() {
        commands.releaseAll();
        admin.close(Duration.ofSeconds(5));
    }

    /** The commands partitions this fetcher reads now (those of its accounts partitions). */
    Set<Integer> commandPartitions() {
        return commands.followed();
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
