package io.mailsync.testkit;

import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real KRaft Kafka broker started in-process once per JVM (or, with {@code MAILSYNC_TESTCONTAINERS=true} and a
 * Docker engine, a Kafka container). Tests isolate themselves with their own topic namespace.
 */
public final class KafkaKit {

    private static volatile String bootstrapServers;
    private static EmbeddedKafkaKraftBroker embedded;

    private KafkaKit() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = Containers.enabled() ? Containers.kafka() : startEmbedded();
        }
        return bootstrapServers;
    }

    private static String startEmbedded() {
        embedded = new EmbeddedKafkaKraftBroker(1, Topics.ACCOUNT_PARTITIONS);
        embedded.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "4",
                "log.dirs", System.getProperty("java.io.tmpdir") + "/mailsync-kafka-" + UUID.randomUUID()));
        embedded.afterPropertiesSet();
        ShutdownOrder.infrastructure(embedded::destroy);
        return embedded.getBrokersAsString();
    }

    /** A fresh namespace whose topics exist, with the production partition counts and cleanup policies. */
    public static TopicNames newNamespace() {
        TopicNames names = new TopicNames("t" + UUID.randomUUID().toString().substring(0, 8) + ".");
        createTopics(names);
        return names;
    }

    public static void createTopics(TopicNames names) {
        bootstrapServers();
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            admin.createTopics(topics(names)).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + names.all(), e);
            }
        }
    }

    /** The topics mailsync needs, as deploy/ declares them: accounts compacted, commands co-partitioned with it. */
    public static List<NewTopic> topics(TopicNames names) {
        int p = Topics.ACCOUNT_PARTITIONS;
        return List.of(
                new NewTopic(names.accounts(), p, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(names.commands(), p, (short) 1),
                new NewTopic(names.events(), p, (short) 1),
                new NewTopic(names.quotaAlerts(), p, (short) 1),
                new NewTopic(names.state(), p, (short) 1),
                new NewTopic(Topics.deadLetter(names.events()), p, (short) 1),
                new NewTopic(Topics.deadLetter(names.accounts()), p, (short) 1),
                new NewTopic(Topics.deadLetter(names.commands()), p, (short) 1));
    }
}
