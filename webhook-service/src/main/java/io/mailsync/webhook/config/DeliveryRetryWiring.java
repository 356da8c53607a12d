package io.mailsync.webhook.config;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.TopicNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;

/**
 * Deliveries retry on topics of their own, not in the listener (ADR 0013): {@code webhook.deliveries-retry-N} with
 * exponential back-off and jitter, then {@code webhook.deliveries-dlt}, whose handler parks the delivery. Spring Kafka
 * draws each retry topic's delay once, when the service starts: the jitter spreads replicas (and restarts) apart,
 * not the records of one replica. The
 * blocking error handler of ADR 0011 stays every other listener's policy; a receiver down for an hour must not stall
 * a partition of other subscriptions' deliveries.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetryWiring {

    /** The queue's topic, behind the deployment's namespace; listeners name it {@code #{@webhookDeliveriesTopic}}. */
    @Bean
    String webhookDeliveriesTopic(TopicNames topics) {
        return topics.namespace() + "webhook.deliveries";
    }

    @Bean
    RetryTopicConfiguration webhookRetryTopics(KafkaTemplate<String, String> kafka, WebhookProperties properties,
                                               String webhookDeliveriesTopic) {
        WebhookProperties.Delivery d = properties.delivery();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(webhookDeliveriesTopic)
                .maxAttempts(d.attempts())
                .concurrency(d.concurrency())
                .exponentialBackoff(d.firstDelay().toMillis(), d.multiplier(), d.maxDelay().toMillis(),
                        d.jitter().toMillis())
                // -retry-0, -retry-1, ...: the same names on every replica and after a restart. By default the names
                // carry the delays, which jitter makes different on each start, stranding what waits in the old ones
                .suffixTopicsWithIndexValues()
                .autoCreateTopicsWith(d.partitions(), (short) -1) // -1: the brokers' default replication
                .notRetryOn(MalformedRecordException.class)
                .dltHandlerMethod("webhookDeliveryListener", "park")
                .create(kafka);
    }
}
