package io.mailsync.gateway.adapter.in.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.gateway.application.AccountDirectory;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/** Keeps the {@link AccountDirectory} in step with the compacted accounts topic: read in full, then followed. */
@Component
class AccountsListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AccountsListener.class);

    private final AccountDirectory directory;
    private final EventCodec codec;

    AccountsListener(AccountDirectory directory, EventCodec codec) {
        this.directory = directory;
        this.codec = codec;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet()); // the whole directory, on every start and rebalance
    }

    @KafkaListener(id = "gateway-accounts", topics = "#{@topicNames.accounts()}",
            // a group of this replica alone: every replica must see every record (offsets are never relied on)
            groupId = "#{@consumerGroups.perInstance('gateway-accounts')}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            directory.removed(record.key()); // tombstone: the account is gone
            return;
        }
        try {
            codec.decode(record.value(), AccountSpec.class)
                    .ifPresent(spec -> directory.registered(spec.accountId(), spec.customerId()));
        } catch (MalformedRecordException e) {
            // sync-service owns this topic and its dead letters; the gateway only skips what it cannot read
            log.warn("skipping unreadable account record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
