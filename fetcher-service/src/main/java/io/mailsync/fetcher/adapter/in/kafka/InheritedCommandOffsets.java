package io.mailsync.fetcher.adapter.in.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a commands partition's reading starts the first time its own group reads it (ADR 0007): until 2026-12 the
 * ownership group ({@link FetcherGroups#OWNERSHIP}) read and committed {@code mail.commands} itself. A partition that
 * group committed and {@link FetcherGroups#COMMANDS} never did starts at the ownership group's offset — not at the
 * beginning, which would apply every retained command again, older flag changes over newer ones made elsewhere.
 * Answers nothing for a partition its own group has committed (the container reads from there).
 */
final class InheritedCommandOffsets {

    private static final Logger log = LoggerFactory.getLogger(InheritedCommandOffsets.class);
    private static final long TIMEOUT_MS = 5_000;

    private final Admin admin;
    private final String group;
    private final String previousGroup;

    InheritedCommandOffsets(Admin admin, String group, String previousGroup) {
        this.admin = admin;
        this.group = group;
        this.previousGroup = previousGroup;
    }

    Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(List.copyOf(partitions));
        try {
            var answer = admin.listConsumerGroupOffsets(Map.of(group, spec, previousGroup, spec));
            Map<TopicPartition, OffsetAndMetadata> own = answer.partitionsToOffsetAndMetadata(group)
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> previous = answer.partitionsToOffsetAndMetadata(previousGroup)
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> inherited = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata mine = own.get(tp);
                OffsetAndMetadata theirs = previous.get(tp);
                if (mine == null && theirs != null) {
                    inherited.put(tp, theirs.offset());
                }
            }
            if (!inherited.isEmpty()) {
                log.info("commands partitions first read by group {}: starting at group {}'s offsets {}", group,
                        previousGroup, inherited);
            }
            return inherited;
        } catch (ExecutionException | TimeoutException e) {
            // only a partition this group never committed is affected: it is read from its beginning (idempotent
            // commands, applied again) — said loudly, since it only happens on the first start after the upgrade
            log.warn("could not read the commands offsets of groups {} and {}: {}", group, previousGroup, e.toString());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
