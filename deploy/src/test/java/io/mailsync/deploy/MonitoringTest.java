package io.mailsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator gets to watch mailsync with (issue 17): a dashboard, alerts with runbooks, scrape targets for the
 * services and Kafka, and Kafka's own metrics and lag exporter. That the metrics named here are the ones the services
 * export is checked against running services by {@code ConfigurationBootIT}.
 */
class MonitoringTest {

    static final List<String> ALERTS = List.of("MailsyncConsumerLagGrowing", "MailsyncDeadLettersNonEmpty",
            "MailsyncAuthFailedSurge", "MailsyncSessionsDropping", "MailsyncCommandsHeld",
            "MailsyncCircuitBreakerOpen");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_alerts_are_shipped_each_with_a_runbook_in_the_readme(String overlay) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<Map<String, Object>> alerts = Monitoring.alerts(Manifests.of(overlay));
        assertThat(alerts).extracting(a -> a.get("alert")).containsExactlyInAnyOrderElementsOf(ALERTS);
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> alert : alerts) {
            String runbook = Tree.string(alert, "annotations", "runbook_url");
            softly.assertThat(runbook).as(alert.get("alert") + " runbook").startsWith("deploy/README.md#");
            String anchor = runbook == null ? "" : runbook.substring(runbook.indexOf('#') + 1);
            softly.assertThat(anchors(readme)).as("README section for " + alert.get("alert")).contains(anchor);
            softly.assertThat(Tree.string(alert, "labels", "severity")).as(alert.get("alert") + " severity")
                    .isIn("warning", "critical");
            softly.assertThat(PromQl.selectors(String.valueOf(alert.get("expr")))).as(alert.get("alert") + " metrics")
                    .isNotEmpty();
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_dashboard_shows_what_the_issue_names(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map.Entry<String, String>> queries = Monitoring.dashboardQueries(manifests);
        Map<String, String> wanted = Map.of(
                "sessions by state", "mailsync_fetcher_sessions",
                "event delay", "mailsync_sync_event_delay_seconds_bucket",
                "consumer lag", "kafka_consumergroup_lag",
                "DLT growth", "kafka_topic_partition_current_offset",
                "breaker state", "resilience4j_circuitbreaker_state",
                "quota notices", "mailsync_quota_alerts_sent_total",
                "API latency by route", "mailsync_gateway_requests_seconds_bucket");
        wanted.forEach((what, metric) -> assertThat(queries).as(overlay + " dashboard: " + what)
                .anySatisfy(q -> assertThat(PromQl.selectors(q.getValue())).containsKey(metric)));
        assertThat(queries).filteredOn(q -> q.getValue().contains("mailsync_gateway_requests_seconds_bucket"))
                .as("latency by route").allSatisfy(q -> assertThat(q.getValue()).contains("by (le, route)"));
        assertThat(Monitoring.dashboard(manifests).path("uid").asString()).isEqualTo("mailsync-overview");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void latency_is_read_from_buckets_summed_over_pods_never_from_pod_percentiles(String overlay) {
        for (String expr : Monitoring.expressions(Manifests.of(overlay))) {
            if (expr.contains("histogram_quantile")) {
                assertThat(expr).as(expr).containsPattern("sum by \\([^)]*\\ble\\b");
            }
            assertThat(expr).as(expr).doesNotContain("quantile=");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_is_scraped_on_its_management_port(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Manifests.SERVICES) {
            Map<String, Object> serviceObject = manifests.named("Service", service);
            List<Map<String, Object>> monitors = manifests.ofKind("ServiceMonitor").stream()
                    .filter(m -> Manifests.selects(Tree.map(m, "spec", "selector", "matchLabels"),
                            Tree.map(serviceObject, "metadata", "labels")))
                    .toList();
            softly.assertThat(monitors).as(overlay + " ServiceMonitor for " + service).hasSize(1);
            monitors.forEach(m -> softly.assertThat(Tree.list(m, "spec", "endpoints")).singleElement()
                    .satisfies(e -> {
                        assertThat(Tree.string(e, "port")).isEqualTo("management");
                        assertThat(Tree.string(e, "path")).isEqualTo("/actuator/prometheus");
                    }));
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafka_exports_its_metrics_and_consumer_lag(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> kafka = manifests.ofKind("Kafka").getFirst();
        String configMap = Tree.string(kafka, "spec", "kafka", "metricsConfig", "valueFrom", "configMapKeyRef", "name");
        String key = Tree.string(kafka, "spec", "kafka", "metricsConfig", "valueFrom", "configMapKeyRef", "key");
        assertThat(Tree.string(kafka, "spec", "kafka", "metricsConfig", "type")).isEqualTo("jmxPrometheusExporter");
        assertThat(Tree.map(manifests.named("ConfigMap", configMap), "data")).containsKey(key);
        assertThat(Tree.map(kafka, "spec", "kafkaExporter")).containsKeys("topicRegex", "groupRegex");
        assertThat(manifests.ofKind("PodMonitor")).anySatisfy(m -> {
            assertThat(Tree.map(m, "spec", "selector", "matchLabels"))
                    .containsEntry("strimzi.io/cluster", Manifests.name(kafka)).containsEntry("strimzi.io/kind", "Kafka");
            assertThat(Tree.list(m, "spec", "podMetricsEndpoints")).extracting(e -> Tree.string(e, "port"))
                    .contains("tcp-prometheus");
        });
    }

    /** GitHub's anchors for the README's headings: lower case, spaces to dashes, punctuation dropped. */
    static List<String> anchors(String markdown) {
        Matcher heading = Pattern.compile("(?m)^#+\\s+(.+)$").matcher(markdown);
        return heading.results().map(m -> m.group(1).strip().toLowerCase()
                .replaceAll("[^a-z0-9 -]", "").replace(' ', '-')).toList();
    }
}
