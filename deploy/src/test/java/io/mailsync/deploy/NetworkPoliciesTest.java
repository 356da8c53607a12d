package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the gateway is reachable from outside; every service is otherwise closed by default. */
class NetworkPoliciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_pod_is_covered_by_a_default_deny_for_ingress_and_egress(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map<String, Object>> defaultDeny = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> Tree.list(p, "spec", "ingress").isEmpty() && Tree.list(p, "spec", "egress").isEmpty())
                .filter(p -> Tree.list(p, "spec", "policyTypes").containsAll(List.of("Ingress", "Egress")))
                .toList();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            assertThat(defaultDeny).as(overlay + " default deny for " + Manifests.name(deployment))
                    .anySatisfy(p -> assertThat(Manifests.selects(
                            Tree.map(p, "spec", "podSelector", "matchLabels"), Manifests.podLabels(deployment))).isTrue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void only_the_gateway_accepts_traffic_from_any_source(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        boolean gatewayOpen = false;
        for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
            for (Object rule : Tree.list(policy, "spec", "ingress")) {
                if (!Tree.list(rule, "from").isEmpty()) {
                    continue;
                }
                // an ingress rule without "from" admits every source, in and outside the cluster
                List<String> opened = manifests.ofKind("Deployment").stream()
                        .filter(d -> selectsPod(policy, d))
                        .map(Manifests::name)
                        .toList();
                softly.assertThat(opened).as(overlay + " NetworkPolicy " + Manifests.name(policy) + " opens")
                        .containsOnly("api-gateway");
                gatewayOpen |= opened.contains("api-gateway");
            }
        }
        softly.assertAll();
        assertThat(gatewayOpen).as(overlay + ": the gateway is reachable").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void health_and_metrics_are_reachable_from_the_monitoring_namespace_only(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        boolean monitoringAdmitted = false;
        for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
            for (Object rule : Tree.list(policy, "spec", "ingress")) {
                List<String> ports = Tree.list(rule, "ports").stream().map(p -> Tree.string(p, "port")).toList();
                String where = overlay + " NetworkPolicy " + Manifests.name(policy) + " ports " + ports;
                // a rule without ports opens every port, the management port included
                softly.assertThat(ports).as(where + ": name the ports it opens").isNotEmpty();
                if (ports.stream().anyMatch(p -> p.equals("management") || p.matches("90[0-9]{2}"))) {
                    softly.assertThat(Tree.list(rule, "from")).as(where + " sources").singleElement().satisfies(from -> {
                        assertThat(Tree.map(from, "namespaceSelector", "matchLabels"))
                                .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
                        assertThat(Tree.map(from)).doesNotContainKey("podSelector");
                    });
                    monitoringAdmitted = true;
                }
            }
        }
        softly.assertAll();
        assertThat(monitoringAdmitted).as(overlay + ": Prometheus can scrape").isTrue();
    }

    private static boolean selectsPod(Map<String, Object> policy, Map<String, Object> deployment) {
        Map<String, Object> selector = Tree.map(policy, "spec", "podSelector");
        Map<String, Object> labels = Manifests.podLabels(deployment);
        Map<String, Object> matchLabels = Tree.map(selector, "matchLabels");
        boolean labelsMatch = matchLabels.isEmpty() || labels.entrySet().containsAll(matchLabels.entrySet());
        boolean expressionsMatch = Tree.list(selector, "matchExpressions").stream().allMatch(e ->
                "In".equals(Tree.string(e, "operator"))
                        && Tree.list(e, "values").contains(labels.get(Tree.string(e, "key"))));
        return labelsMatch && expressionsMatch;
    }
}
