package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.Topics;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Selectors that select something: Services reach pods, disruption budgets and autoscalers govern them. */
class ServicesTest {

    /** ADR 0001's default ports. */
    static final Map<String, Integer> PORTS =
            Map.of("api-gateway", 8080, "sync-service", 8081, "quota-service", 8082, "fetcher-service", 8083,
                    "webhook-service", 8084);
    /** Health and metrics, each service's {@code management.server.port} (ADR 0009). */
    static final Map<String, Integer> MANAGEMENT_PORTS =
            Map.of("api-gateway", 9080, "sync-service", 9081, "quota-service", 9082, "fetcher-service", 9083,
                    "webhook-service", 9084);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_selects_the_pods_of_its_deployment_on_a_port_they_declare(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> service : manifests.ofKind("Service")) {
            Map<String, Object> selector = Tree.map(service, "spec", "selector");
            List<Map<String, Object>> selected = manifests.ofKind("Deployment").stream()
                    .filter(d -> Manifests.selects(selector, Manifests.podLabels(d)))
                    .toList();
            softly.assertThat(selected).as(overlay + " Service " + Manifests.name(service) + " selects " + selector)
                    .extracting(Manifests::name).containsExactly(Manifests.name(service));
            if (selected.size() == 1) {
                Object container = Tree.at(selected.getFirst(), "spec", "template", "spec", "containers", "0");
                for (Object port : Tree.list(service, "spec", "ports")) {
                    String target = Tree.string(port, "targetPort");
                    softly.assertThat(Tree.list(container, "ports"))
                            .as(overlay + " Service " + Manifests.name(service) + " targetPort " + target)
                            .anySatisfy(p -> assertThat(List.of(Tree.string(p, "name"), Tree.string(p, "containerPort")))
                                    .contains(target));
                    Map<String, Integer> expected = "management".equals(Tree.string(port, "name")) ? MANAGEMENT_PORTS
                            : PORTS;
                    softly.assertThat(Tree.at(port, "port")).as("ADR 0001/0009 port of " + Manifests.name(service))
                            .isEqualTo(expected.get(Manifests.name(service)));
                }
            }
        }
        assertThat(manifests.ofKind("Service")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (Map<String, Object> service : manifests.ofKind("Service")) {
            softly.assertThat(Tree.list(service, "spec", "ports")).extracting(p -> Tree.string(p, "name"))
                    .as(overlay + " Service " + Manifests.name(service) + " ports").containsExactly("http", "management");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_deployment_has_a_disruption_budget_that_selects_its_pods(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            assertThat(manifests.ofKind("PodDisruptionBudget"))
                    .as(overlay + " PodDisruptionBudget for " + Manifests.name(deployment))
                    .anySatisfy(pdb -> assertThat(Manifests.selects(
                            Tree.map(pdb, "spec", "selector", "matchLabels"), Manifests.podLabels(deployment))).isTrue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void sync_and_quota_scale_on_their_consumer_lag_but_never_beyond_the_partitions_they_consume(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("HorizontalPodAutoscaler")).as("KEDA owns the autoscalers it creates").isEmpty();
        List<Map<String, Object>> scaled = manifests.ofKind("ScaledObject");
        assertThat(scaled).extracting(so -> Tree.string(so, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrder("sync-service", "quota-service");
        Map<String, String> groups = Map.of("sync-service", "sync", "quota-service", "quota");
        for (Map<String, Object> so : scaled) {
            String target = Tree.string(so, "spec", "scaleTargetRef", "name");
            manifests.named("Deployment", target);
            int min = (Integer) Tree.at(so, "spec", "minReplicaCount");
            int max = (Integer) Tree.at(so, "spec", "maxReplicaCount");
            // a consumer beyond the partition count is assigned nothing: it costs a pod and does no work
            assertThat(max).as(overlay + " " + target + " maxReplicaCount").isBetween(min, Topics.ACCOUNT_PARTITIONS);
            assertThat(min).as(overlay + " " + target + " minReplicaCount").isPositive();
            assertThat(Tree.list(so, "spec", "triggers")).as(overlay + " " + target + " lag trigger")
                    .anySatisfy(t -> {
                        assertThat(Tree.string(t, "type")).isEqualTo("prometheus");
                        assertThat(Tree.string(t, "metadata", "query")).contains("kafka_consumergroup_lag{")
                                .contains("consumergroup=\"" + groups.get(target) + "\"");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void fetchers_are_not_autoscaled_and_their_count_divides_the_partitions(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("ScaledObject")).extracting(so -> Tree.string(so, "spec", "scaleTargetRef", "name"))
                .doesNotContain("fetcher-service");
        int replicas = (Integer) Tree.at(manifests.named("Deployment", "fetcher-service"), "spec", "replicas");
        // every fetcher owns the same share of accounts only if the pods divide the partitions (README, "Scaling")
        assertThat(Topics.ACCOUNT_PARTITIONS % replicas).as(overlay + ": 12 partitions over " + replicas + " fetchers")
                .isZero();
    }
}
