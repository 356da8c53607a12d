package io.mailsync.support.kafka;

import java.util.Objects;
import java.util.UUID;

/**
 * Consumer-group ids: constants (ADR 0001) plus the deployment's {@code mailsync.kafka.group-suffix}. A listener names
 * its group in SpEL, {@code groupId = "#{@consumerGroups.named('sync')}"}, so the suffix is read in one place.
 *
 * @param suffix   the deployment's suffix
 * @param instance this process's own id, for listeners where every replica must see every record
 */
public record ConsumerGroups(String suffix, String instance) {

    public ConsumerGroups {
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(instance, "instance");
    }

    /** Groups of a deployment with this suffix and a fresh instance id. */
    public static ConsumerGroups withSuffix(String suffix) {
        return new ConsumerGroups(suffix, UUID.randomUUID().toString().substring(0, 8));
    }

    /** The group the replicas of a service share: they split the partitions. */
    public String named(String group) {
        return group + suffix;
    }

    /** A group of this process alone ({@code <group>-<instance><suffix>}): it reads every partition itself. */
    public String perInstance(String group) {
        return group + "-" + instance + suffix;
    }
}
