package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The single-host compose file runs the same services as Kubernetes on the real Kafka and MongoDB images. */
class ComposeFileTest {

    private static Map<String, Object> compose;

    @BeforeAll
    static void parse() throws IOException {
        compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of("compose.yaml")));
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = Tree.map(compose, "services", name);
        assertThat(service).as("compose service " + name).isNotEmpty();
        return service;
    }

    @Test
    void runs_the_services_kubernetes_deploys_plus_kafka_and_mongodb() {
        List<String> deployed = Manifests.of("prod").ofKind("Deployment").stream().map(Manifests::name).toList();
        assertThat(Tree.map(compose, "services").keySet())
                .containsAll(deployed)
                .contains("kafka", "mongo")
                .allSatisfy(name -> assertThat(deployed.contains(name)
                        || List.of("kafka", "kafka-topics", "mongo").contains(name)).as(name).isTrue());
    }

    @Test
    void kafka_is_a_kraft_node_of_the_apache_image_and_mongodb_an_initiated_replica_set() {
        assertThat(Tree.string(service("kafka"), "image")).startsWith("apache/kafka:");
        assertThat(Tree.string(service("kafka"), "environment", "KAFKA_PROCESS_ROLES")).contains("controller", "broker");
        assertThat(Tree.string(service("mongo"), "image")).startsWith("mongo:");
        assertThat(Tree.list(service("mongo"), "command")).contains("--replSet");
        assertThat(Tree.list(service("mongo"), "healthcheck", "test")).anySatisfy(arg ->
                assertThat(String.valueOf(arg)).contains("rs.initiate"));
    }

    @Test
    void every_contract_topic_and_its_dead_letter_topic_is_created_with_the_account_partition_count() {
        String script = String.join("\n", Tree.list(service("kafka-topics"), "command").stream().map(String::valueOf).toList());
        Matcher creates = Pattern.compile("(?m)^\\s*create (\\S+)").matcher(script);
        List<String> created = creates.results().map(m -> m.group(1)).toList();
        assertThat(created).containsExactlyInAnyOrderElementsOf(KafkaTopicsTest.expectedTopics());
        assertThat(script).contains("--partitions " + Topics.ACCOUNT_PARTITIONS)
                .containsPattern("create mail\\.accounts .*cleanup\\.policy=compact");
        assertThat(Tree.string(service("kafka"), "environment", "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @Test
    void every_service_is_built_from_its_module_and_wired_to_kafka_and_its_own_database() {
        for (String name : Manifests.SERVICES) {
            Map<String, Object> service = service(name);
            assertThat(Tree.string(service, "build", "args", "SERVICE")).as(name + " build arg").isEqualTo(name);
            assertThat(Tree.string(service, "build", "dockerfile")).isEqualTo("deploy/docker/Dockerfile");
            assertThat(Tree.string(service, "environment", "SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            String mongo = Tree.string(service, "environment", "SPRING_MONGODB_URI");
            String owner = MongoDbTest.owner(name);
            assertThat(mongo).as(name).startsWith("mongodb://mongo:27017/mailsync-" + owner + "?")
                    .contains("replicaSet=rs0");
        }
    }

    @Test
    void every_service_names_its_ports_and_sync_and_fetcher_the_content_store() {
        for (String name : Manifests.SERVICES) {
            Map<String, Object> env = Tree.map(service(name), "environment");
            assertThat(String.valueOf(env.get("SERVER_PORT"))).as(name)
                    .isEqualTo(String.valueOf(ServicesTest.PORTS.get(name)));
            assertThat(String.valueOf(env.get("MANAGEMENT_SERVER_PORT"))).as(name)
                    .isEqualTo(String.valueOf(ServicesTest.MANAGEMENT_PORTS.get(name)));
            String content = Tree.string(service(name), "environment", "MAILSYNC_CONTENT_URI");
            if (name.equals("sync-service") || name.equals("fetcher-service")) {
                assertThat(content).as(name).startsWith("mongodb://mongo:27017/mailsync-content?");
            } else {
                assertThat(content).as(name).isNull();
            }
        }
    }

    @Test
    void only_the_gateway_is_published_and_no_key_is_written_down() {
        for (Map.Entry<String, Object> entry : Tree.map(compose, "services").entrySet()) {
            if (!entry.getKey().equals("api-gateway")) {
                assertThat(Tree.list(entry.getValue(), "ports")).as(entry.getKey() + " published ports").isEmpty();
            }
            Tree.map(entry.getValue(), "environment").forEach((key, value) -> {
                if (key.matches(".*(PASSWORD|CRYPTO_KEY|SECRET).*") && !key.endsWith("_ID")) {
                    assertThat(String.valueOf(value)).as(entry.getKey() + " " + key).startsWith("${");
                }
            });
        }
        assertThat(Tree.list(service("api-gateway"), "ports")).containsExactly("8080:8080");
    }
}
