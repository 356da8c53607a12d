package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Kafka client logs in, as a user of its own that may use only its own topics and groups (issue 17). The
 * expected ACLs are read from the services' code ({@link KafkaClients}); {@code ConfigurationBootIT} runs the
 * services on a broker that enforces exactly these ACLs.
 */
class KafkaUsersTest {

    record Acl(String type, String name, String pattern, String operation) implements Comparable<Acl> {
        @Override
        public int compareTo(Acl other) {
            return toString().compareTo(other.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_only_listener_is_tls_with_scram_logins_and_acls_are_enforced(String overlay) {
        Map<String, Object> kafka = Manifests.of(overlay).ofKind("Kafka").getFirst();
        assertThat(Tree.list(kafka, "spec", "kafka", "listeners")).singleElement().satisfies(listener -> {
            assertThat(Tree.at(listener, "tls")).isEqualTo(true);
            assertThat(Tree.at(listener, "port")).isEqualTo(9093);
            assertThat(Tree.string(listener, "authentication", "type")).isEqualTo("scram-sha-512");
        });
        assertThat(Tree.string(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_logs_in_as_its_own_user_over_tls(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        Set<String> users = new TreeSet<>();
        for (String service : Manifests.SERVICES) {
            Map<String, String> config = ServiceConfig.of(manifests, service);
            softly.assertThat(config).as(overlay + " " + service)
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM");
            String user = userOf(manifests, service);
            users.add(user);
            softly.assertThat(manifests.ofKind("KafkaUser")).extracting(Manifests::name).as(service + " user")
                    .contains(user);
            // the trust store is the cluster CA Strimzi writes, mounted where the ConfigMap says
            Object pod = Tree.at(manifests.named("Deployment", service), "spec", "template", "spec");
            String caVolume = Tree.list(pod, "volumes").stream()
                    .filter(v -> "mailsync-kafka-cluster-ca-cert".equals(Tree.string(v, "secret", "secretName")))
                    .map(v -> Tree.string(v, "name")).findFirst().orElse("(none)");
            String mountPath = Tree.list(pod, "containers", "0", "volumeMounts").stream()
                    .filter(m -> caVolume.equals(Tree.string(m, "name")))
                    .map(m -> Tree.string(m, "mountPath")).findFirst().orElse("(not mounted)");
            softly.assertThat(config.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION")).as(service + " trust store")
                    .isEqualTo("file:" + mountPath + "/ca.crt");
        }
        softly.assertAll();
        assertThat(users).as("one user per service").hasSize(Manifests.SERVICES.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void each_user_may_use_exactly_the_topics_and_groups_its_service_uses(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Manifests.SERVICES) {
            Map<String, Object> user = manifests.named("KafkaUser", userOf(manifests, service));
            softly.assertThat(Tree.string(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            softly.assertThat(acls(user)).as(overlay + " ACLs of " + Manifests.name(user) + " for " + service)
                    .containsExactlyElementsOf(expected(KafkaClients.of(service)));
        }
        softly.assertAll();
    }

    static Set<Acl> expected(KafkaClients clients) {
        Set<Acl> acls = new TreeSet<>();
        clients.reads().forEach(topic -> topic(acls, topic, "Read"));
        clients.writes().forEach(topic -> topic(acls, topic, "Write"));
        clients.deadLetterTopics().forEach(topic -> topic(acls, topic, "Write"));
        clients.groups().forEach(group -> acls.add(new Acl("group", group, "literal", "Read")));
        clients.groupPrefixes().forEach(group -> acls.add(new Acl("group", group, "prefix", "Read")));
        return acls;
    }

    private static void topic(Set<Acl> acls, String topic, String operation) {
        acls.add(new Acl("topic", topic, "literal", operation));
        acls.add(new Acl("topic", topic, "literal", "Describe"));
    }

    static Set<Acl> acls(Map<String, Object> kafkaUser) {
        Set<Acl> acls = new TreeSet<>();
        for (Object acl : Tree.list(kafkaUser, "spec", "authorization", "acls")) {
            String pattern = Tree.string(acl, "resource", "patternType");
            for (Object operation : Tree.list(acl, "operations")) {
                acls.add(new Acl(Tree.string(acl, "resource", "type"), Tree.string(acl, "resource", "name"),
                        pattern == null ? "literal" : pattern, String.valueOf(operation)));
            }
        }
        return acls;
    }

    /** The KafkaUser a service logs in as: Strimzi names a user's Secret after the user. */
    static String userOf(Manifests manifests, String service) {
        Object env = Tree.at(manifests.named("Deployment", service), "spec", "template", "spec", "containers", "0",
                "env");
        List<String> secrets = Tree.list(env).stream()
                .filter(e -> "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG".equals(Tree.string(e, "name")))
                .filter(e -> "sasl.jaas.config".equals(Tree.string(e, "valueFrom", "secretKeyRef", "key")))
                .map(e -> Tree.string(e, "valueFrom", "secretKeyRef", "name")).toList();
        assertThat(secrets).as(manifests + " " + service + ": its Kafka login from a KafkaUser's Secret").hasSize(1);
        return secrets.getFirst();
    }
}
