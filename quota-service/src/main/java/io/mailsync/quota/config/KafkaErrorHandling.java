package io.mailsync.quota.config;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * ADR 0001: bounded retries with back-off, then the record goes to {@code <topic>.DLT} with the reason in its
 * headers (spring-kafka's {@code kafka_dlt-exception-*}). A malformed record is not retried: it cannot get better.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxAttempts(4);
        // STYLE.md: jittered, so replicas that failed on the same record do not retry in step
        backOff.setJitter(250);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedRecordException.class);
        return handler;
    }
}
