package io.mailsync.sync.adapter.out.kafka;

import io.mailsync.events.CommandReply;
import io.mailsync.events.EventCodec;
import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MailCommand;
import io.mailsync.events.MailboxSearched;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.MessageBodyFetched;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.TopicNames;
import io.mailsync.sync.application.port.out.MailboxOwner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Request/reply with the owning fetcher (issue 20): the request goes on {@code mail.commands} keyed by account (so it
 * reaches the owner, ADR 0007), the answer comes on {@code mail.replies}, correlated by the command id. Every replica
 * reads every answer in a group of its own and completes only its own requests. spring-kafka's
 * {@code ReplyingKafkaTemplate} correlates by a header and drops an answer nobody waits for any more; here an answer
 * that comes after the caller's wait (but before {@code answerBy}) still completes the request, so the body it names
 * is kept for the client's retry, and the correlation is the wire record's own {@code commandId}.
 */
@Component
class KafkaMailboxOwner implements MailboxOwner, ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(KafkaMailboxOwner.class);
    /** How far back a replica reads answers when its partitions are assigned: requests sent just before count. */
    private static final Duration READ_BACK = Duration.ofSeconds(30);

    private final KafkaTemplate<String, String> kafka;
    private final TopicNames topics;
    private final EventCodec codec;
    private final Clock clock;
    private final Map<UUID, CompletableFuture<CommandReply>> pending = new ConcurrentHashMap<>();

    KafkaMailboxOwner(KafkaTemplate<String, String> kafka, TopicNames topics, EventCodec codec, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<MessageBodyFetched> fetchBody(FetchMessageBody request) {
        return ask(request, request.answerBy(), MessageBodyFetched.class);
    }

    @Override
    public CompletableFuture<MailboxSearched> search(SearchMailbox request) {
        return ask(request, request.answerBy(), MailboxSearched.class);
    }

    private <R extends CommandReply> CompletableFuture<R> ask(MailCommand request, Instant answerBy, Class<R> type) {
        CompletableFuture<CommandReply> answer = new CompletableFuture<>();
        pending.put(request.commandId(), answer);
        long left = Math.max(1, Duration.between(clock.instant(), answerBy).toMillis());
        answer.orTimeout(left, TimeUnit.MILLISECONDS)
                .whenComplete((reply, failure) -> pending.remove(request.commandId(), answer));
        try {
            Sends.await(kafka.send(topics.commands(), request.accountId().value(), codec.encode(request)));
        } catch (RuntimeException notSent) {
            answer.completeExceptionally(notSent);
        }
        return answer.thenApply(type::cast);
    }

    @KafkaListener(id = "sync-replies", topics = "#{@topicNames.replies()}",
            // a group of this replica alone: the answer to a request goes to every replica, the asking one keeps it
            groupId = "#{@consumerGroups.perInstance('sync-replies')}", concurrency = "1",
            properties = "auto.offset.reset=latest")
    void onReply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            codec.decode(record.value(), CommandReply.class).ifPresent(reply -> {
                CompletableFuture<CommandReply> waiting = pending.remove(reply.commandId());
                if (waiting != null) {
                    waiting.complete(reply);
                }
            });
        } catch (MalformedRecordException e) {
            // an answer is no durable work: nobody can repair it, and its requester's wait ends in a 503
            log.warn("skipping a malformed answer at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), clock.millis() - READ_BACK.toMillis());
    }
}
