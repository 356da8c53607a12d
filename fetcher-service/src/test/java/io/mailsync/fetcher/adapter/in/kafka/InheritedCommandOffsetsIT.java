package io.mailsync.fetcher.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The first start after commands moved to a group of their own (ADR 0007) on a real broker: a partition the old
 * ownership group had committed starts where it stopped — not at the beginning, which would apply every retained
 * command again — and one the new group has committed is left to the new group's offset.
 */
class InheritedCommandOffsetsIT {

    @Test
    void aPartitionOnlyTheOwnershipGroupCommittedStartsAtItsOffsetAndOneTheCommandsGroupCommittedIsLeftAlone()
            throws Exception {
        TopicNames topics = KafkaKit.newNamespace();
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        String commandsGroup = FetcherGroups.COMMANDS + suffix;
        String ownershipGroup = FetcherGroups.OWNERSHIP + suffix;
        TopicPartition committedByOwnership = new TopicPartition(topics.commands(), 3);
        TopicPartition committedByBoth = new TopicPartition(topics.commands(), 4);
        TopicPartition committedByNone = new TopicPartition(topics.commands(), 5);
        Map<String, Object> client = Map.of("bootstrap.servers", KafkaKit.bootstrapServers());
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topics.commands(), 3, "acc-" + i, "{}")).get();
            }
        }
        try (Admin admin = Admin.create(client)) {
            // three commands on partition 3, two of them applied when the ownership group last committed
            admin.alterConsumerGroupOffsets(ownershipGroup, Map.of(committedByOwnership, new OffsetAndMetadata(2),
                    committedByBoth, new OffsetAndMetadata(0))).all().get();
            admin.alterConsumerGroupOffsets(commandsGroup, Map.of(committedByBoth, new OffsetAndMetadata(0)))
                    .all().get();

            Map<TopicPartition, Long> from = new InheritedCommandOffsets(admin, commandsGroup, ownershipGroup)
                    .of(List.of(committedByOwnership, committedByBoth, committedByNone));

            assertThat(from).containsExactly(Map.entry(committedByOwnership, 2L));
        }
    }
}
