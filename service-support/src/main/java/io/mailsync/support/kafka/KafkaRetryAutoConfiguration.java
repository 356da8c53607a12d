package io.mailsync.support.kafka;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of every listener container (Boot's container factory takes the {@link CommonErrorHandler}
 * bean): {@code mailsync.kafka.retry.*} back-off, then {@code <topic>.DLT} on the record's own partition
 * (DESIGN.md, ADR 0001) — so a poison record never blocks the partition. A malformed record is dead-lettered at once:
 * reading it again cannot help. Services add what only they know through {@link DeadLetterCustomizer} beans.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({DefaultErrorHandler.class, Topics.class})
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties(MailsyncKafkaProperties.class)
public class KafkaRetryAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaRetryAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(MailsyncKafkaProperties properties, KafkaTemplate<Object, Object> template,
            ObjectProvider<DeadLetterCustomizer> customizers) {
        MailsyncKafkaProperties.Retry retry = properties.retry();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(retry, template), backOff(retry));
        handler.addNotRetryableExceptions(MalformedRecordException.class);
        customizers.orderedStream().forEach(customizer -> customizer.customize(handler));
        return handler;
    }

    static ExponentialBackOff backOff(MailsyncKafkaProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setJitter(retry.jitter().toMillis());
        backOff.setMaxAttempts(retry.maxRetries());
        return backOff;
    }

    private static ConsumerRecordRecoverer recoverer(MailsyncKafkaProperties.Retry retry,
            KafkaTemplate<Object, Object> template) {
        if (!retry.deadLetter()) {
            return (record, failure) -> log.warn("skipping the record at {}-{}@{} after {} retries: {}",
                    record.topic(), record.partition(), record.offset(), retry.maxRetries(), failure.toString());
        }
        return new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
    }
}
