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
    private static final Map<String, Integer> PORTS =
            Map.of("api-gateway", 8080, "sync-service", 8081, "quota-service", 8082, "fetcher-service", 8083);

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
                    softly.assertThat(Tree.at(port, "port")).as("ADR 0001 port of " + Manifests.name(service))
                            .isEqualTo(PORTS.get(Manifests.name(service)));
                }
            }
        }
        assertThat(manifests.ofKind("Service")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
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
    void fetcher_and_sync_autoscale_but_never_beyond_the_partitions_they_consume(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map<String, Object>> autoscalers = manifests.ofKind("HorizontalPodAutoscaler");
        assertThat(autoscalers).extracting(hpa -> Tree.string(hpa, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrder("fetcher-service", "sync-service");
        for (Map<String, Object> hpa : autoscalers) {
            String target = Tree.string(hpa, "spec", "scaleTargetRef", "name");
            assertThat(Tree.string(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            manifests.named("Deployment", target);
            int min = (Integer) Tree.at(hpa, "spec", "minReplicas");
            int max = (Integer) Tree.at(hpa, "spec", "maxReplicas");
            // a consumer beyond the partition count is assigned nothing: it costs a pod and does no work
            assertThat(max).as(overlay + " " + target + " maxReplicas").isBetween(min, Topics.ACCOUNT_PARTITIONS);
        }
    }
}
