package io.mailsync.webhook.adapter.in.kafka;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.webhook.application.DeliverWebhook;
import io.mailsync.webhook.application.ParkDelivery;
import io.mailsync.webhook.domain.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group {@value #GROUP}. A failed attempt throws; Spring Kafka's non-blocking retries (config/, ADR 0013) move the
 * record through the retry topics with jittered back-off and, after the last attempt, to the dead-letter topic, whose
 * handler ({@link #park}) marks it parked in the log. A receiver that is down never stalls the partition.
 */
@Component(DeliveryListener.BEAN)
class DeliveryListener {

    static final String GROUP = "webhooks-deliver";
    static final String BEAN = "webhookDeliveryListener";
    private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeliverWebhook deliver;
    private final ParkDelivery park;

    DeliveryListener(DeliverWebhook deliver, ParkDelivery park) {
        this.deliver = deliver;
        this.park = park;
    }

    @KafkaListener(id = GROUP, groupId = "#{@consumerGroups.named('" + GROUP + "')}",
            topics = "#{@webhookDeliveriesTopic}", concurrency = "${mailsync.webhooks.delivery.concurrency:4}")
    void deliver(ConsumerRecord<String, String> record) {
        DeliverWebhook.Result result = deliver.deliver(delivery(record));
        log.debug("delivery {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(), record.offset(),
                result);
    }

    /** The dead-letter topic's handler: named in config/ by {@link #BEAN} and this method's name. */
    void park(ConsumerRecord<String, String> record) {
        try {
            park.park(delivery(record));
        } catch (MalformedRecordException e) {
            log.warn("dropping an unreadable delivery at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }

    /** Reads what {@code KafkaDeliveryQueue} wrote, of this release or an earlier one; unknown fields are ignored. */
    static Delivery delivery(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), Delivery.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedRecordException("not a webhook delivery", e);
        }
    }
}
