package io.mailsync.fetcher.adapter.in.kafka;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * ADR 0001: bounded retries with back-off, then the poison record goes to {@code <topic>.DLT} with the failure
 * in its headers. A malformed record is not retried: reading it again cannot help.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    private static final long RETRY_INTERVAL_MS = 500;
    private static final long RETRIES = 2;

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<String, String> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MS, RETRIES));
        handler.addNotRetryableExceptions(MalformedRecordException.class);
        // issue 15: never commit past a command that is not applied yet; a dead-lettered record's offset is passed
        // by the next commit of an applied one (CommandOffsets)
        handler.setAckAfterHandle(false);
        handler.setCommitRecovered(false);
        return handler;
    }
}
