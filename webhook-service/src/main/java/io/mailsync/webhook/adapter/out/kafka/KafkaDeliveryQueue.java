package io.mailsync.webhook.adapter.out.kafka;

import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.domain.Delivery;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a delivery as JSON; its {@link Queued#await()} waits for the broker's ack, so the fan-out commits only
 * what was queued. One producer, keyed by subscription: a subscription's deliveries keep their order.
 */
@Component
class KafkaDeliveryQueue implements DeliveryQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    KafkaDeliveryQueue(KafkaTemplate<String, String> kafka, @Value("#{@webhookDeliveriesTopic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** The record's value (golden file {@code golden/delivery-record.json}): retry topics keep it across releases. */
    static String json(Delivery delivery) {
        return JSON.writeValueAsString(delivery);
    }

    @Override
    public Queued enqueue(Delivery delivery) {
        CompletableFuture<?> sent = kafka.send(topic, delivery.subscriptionId(), json(delivery));
        return () -> {
            try {
                sent.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while queueing a delivery", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(topic + " did not take the delivery: " + e.getMessage(), e);
            }
        };
    }
}
