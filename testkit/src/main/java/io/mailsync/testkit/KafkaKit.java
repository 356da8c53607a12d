package io.mailsync.testkit;

import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Exit;
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
        embedded = embeddedBroker(Map.of());
        ShutdownOrder.infrastructure(embedded::destroy);
        return embedded.getBrokersAsString();
    }

    /**
     * A started in-process KRaft broker with mailsync's broker settings and {@code overrides}; its caller stops it.
     * Kafka's test kit deletes the broker's temporary directories in JVM shutdown hooks of its own, which would run
     * beside {@link ShutdownOrder}'s: the log directories vanished under a broker still serving services that were
     * closing ("marked offline"), and a producer that could not drain waited out its 30 s close timeout. Those hooks
     * run after every infrastructure step registered before them — after this broker stops.
     */
    public static EmbeddedKafkaKraftBroker embeddedBroker(Map<String, String> overrides) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.ACCOUNT_PARTITIONS);
        Map<String, String> properties = new HashMap<>(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "4"));
        properties.putAll(overrides);
        broker.brokerProperties(properties);
        synchronized (KafkaKit.class) {
            Exit.setShutdownHookAdder((name, hook) -> ShutdownOrder.lastly(hook));
            try {
                broker.afterPropertiesSet();
            } finally {
                Exit.resetShutdownHookAdder();
            }
        }
        return broker;
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

    /** webhook-service's delivery queue (ADR 0013), behind the namespace like the others. */
    public static final String WEBHOOK_DELIVERIES = "webhook.deliveries";
    /**
     * Its retry topics ({@code -retry-0} .. {@code -retry-6}: Spring Kafka's index-suffixed topics, one per retry of
     * the default 8 attempts) and its dead-letter topic ({@code -dlt}, where deliveries are parked).
     */
    public static final int WEBHOOK_RETRY_TOPICS = 7;
    /** webhook-service's {@code mailsync.webhooks.delivery.partitions} default: created alike, nothing is resized. */
    public static final int WEBHOOK_PARTITIONS = 12;

    /** The topics mailsync needs, as deploy/ declares them: accounts compacted, commands co-partitioned with it. */
    public static List<NewTopic> topics(TopicNames names) {
        int p = Topics.ACCOUNT_PARTITIONS;
        List<NewTopic> topics = new ArrayList<>(List.of(
                new NewTopic(names.accounts(), p, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(names.commands(), p, (short) 1),
                new NewTopic(names.events(), p, (short) 1),
                new NewTopic(names.quotaAlerts(), p, (short) 1),
                new NewTopic(names.state(), p, (short) 1),
                new NewTopic(names.replies(), p, (short) 1),
                new NewTopic(Topics.deadLetter(names.events()), p, (short) 1),
                new NewTopic(Topics.deadLetter(names.accounts()), p, (short) 1),
                new NewTopic(Topics.deadLetter(names.commands()), p, (short) 1)));
        webhookTopics(names).forEach(topic -> topics.add(new NewTopic(topic, WEBHOOK_PARTITIONS, (short) 1)));
        return topics;
    }

    /** webhook-service's queue, retry and dead-letter topics under {@code names}' namespace, in that order. */
    public static List<String> webhookTopics(TopicNames names) {
        String queue = names.namespace() + WEBHOOK_DELIVERIES;
        List<String> topics = new ArrayList<>();
        topics.add(queue);
        for (int i = 0; i < WEBHOOK_RETRY_TOPICS; i++) {
            topics.add(queue + "-retry-" + i);
        }
        topics.add(queue + "-dlt");
        return topics;
    }
}
