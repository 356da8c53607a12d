package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Strimzi resources agree with the wire contract in mail-events: names, partitions, retention, compaction. */
class KafkaTopicsTest {

    /** The contract's topics and their DLTs, and webhook-service's delivery, retry and dead-letter topics. */
    static List<String> expectedTopics() {
        List<String> topics = TopicNames.defaults().all();
        return Stream.of(topics.stream(), topics.stream().map(Topics::deadLetter),
                KafkaKit.webhookTopics(TopicNames.defaults()).stream()).flatMap(s -> s).toList();
    }

    static String topicName(Map<String, Object> kafkaTopic) {
        String explicit = Tree.string(kafkaTopic, "spec", "topicName");
        return explicit != null ? explicit : Manifests.name(kafkaTopic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_topic_of_the_contract_and_its_dead_letter_topic_exists_with_the_account_partition_count(String overlay) {
        List<Map<String, Object>> topics = Manifests.of(overlay).ofKind("KafkaTopic");
        assertThat(topics).extracting(KafkaTopicsTest::topicName).containsExactlyInAnyOrderElementsOf(expectedTopics());
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> topic : topics) {
            // co-partitioning of mail.accounts and mail.commands, and a DLT record keeps its source partition
            softly.assertThat(Tree.at(topic, "spec", "partitions")).as(overlay + " partitions of " + topicName(topic))
                    .isEqualTo(Topics.ACCOUNT_PARTITIONS);
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void accounts_are_compacted_and_events_are_kept_seven_days(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> accounts = topic(manifests, TopicNames.defaults().accounts());
        Map<String, Object> events = topic(manifests, TopicNames.defaults().events());
        assertThat(Tree.string(accounts, "spec", "config", "cleanup.policy")).isEqualTo("compact");
        assertThat(Tree.string(events, "spec", "config", "cleanup.policy")).isEqualTo("delete");
        assertThat(Tree.string(events, "spec", "config", "retention.ms"))
                .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_topic_belongs_to_the_cluster_and_fits_its_brokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map<String, Object>> clusters = manifests.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        String cluster = Manifests.name(clusters.getFirst());
        int brokers = manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> cluster.equals(Tree.string(pool, "metadata", "labels", "strimzi.io/cluster")))
                .filter(pool -> Tree.list(pool, "spec", "roles").contains("broker"))
                .mapToInt(pool -> (Integer) Tree.at(pool, "spec", "replicas"))
                .sum();
        assertThat(manifests.ofKind("KafkaNodePool"))
                .as("KRaft: some pool is a controller").anySatisfy(pool ->
                        assertThat(Tree.list(pool, "spec", "roles")).contains("controller"));
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            String name = overlay + " " + topicName(topic);
            softly.assertThat(Tree.string(topic, "metadata", "labels", "strimzi.io/cluster")).as(name).isEqualTo(cluster);
            int replicas = (Integer) Tree.at(topic, "spec", "replicas");
            softly.assertThat(replicas).as(name + " replicas vs " + brokers + " brokers").isBetween(1, brokers);
            // acks=all with min.insync.replicas above the replica count refuses every write
            Object minIsr = Tree.at(topic, "spec", "config", "min.insync.replicas");
            softly.assertThat(minIsr == null ? 1 : (Integer) minIsr).as(name + " min.insync.replicas")
                    .isLessThanOrEqualTo(replicas);
        }
        softly.assertAll();
        assertThat(Tree.string(clusters.getFirst(), "spec", "kafka", "config", "auto.create.topics.enable"))
                .isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_bootstraps_from_the_clusters_bootstrap_service(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        // the TLS listener with SCRAM logins: the only one the cluster has (KafkaUsersTest)
        String bootstrap = Manifests.name(manifests.ofKind("Kafka").getFirst()) + "-kafka-bootstrap:9093";
        for (String service : Manifests.SERVICES) {
            assertThat(ServiceConfig.of(manifests, service).get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                    .as(overlay + " " + service).isEqualTo(bootstrap);
        }
    }

    private static Map<String, Object> topic(Manifests manifests, String name) {
        return manifests.ofKind("KafkaTopic").stream().filter(t -> name.equals(topicName(t))).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic " + name));
    }
}
