package io.mailsync.deploy;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;

/**
 * The shipped alerts and dashboard against what running services really export (issue 17: no guessed metric
 * names): every metric they select is in some service's {@code /actuator/prometheus} with the labels they match on —
 * except the Kafka Exporter's, which no service exports — and mailsync's own metrics are {@code mailsync_*}
 * histograms, never pod-local percentiles.
 */
final class ShippedMonitoring {

    /** Libraries' metrics keep their own names; everything else a service exports is mailsync's. */
    private static final List<String> LIBRARY_PREFIXES = List.of("jvm_", "process_", "system_", "disk_", "http_",
            "tomcat_", "executor_", "logback_", "application_", "kafka_", "spring_", "resilience4j_", "mongodb_",
            "tasks_", "jdbc_", "cache_");

    private ShippedMonitoring() {
    }

    static void assertMatches(LocalDeployment deployment, Manifests manifests) {
        // Micrometer binds a Kafka client's metrics as the client creates them (per partition, once it fetched) and
        // looks for new ones once a minute: a series can show up to a minute after the traffic that makes it
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> assertMatchesNow(deployment, manifests));
    }

    private static void assertMatchesNow(LocalDeployment deployment, Manifests manifests) throws Exception {
        Scrape scrape = new Scrape();
        for (ServiceProcess service : deployment.services.values()) {
            scrape.add(service.scrape());
        }
        SoftAssertions softly = new SoftAssertions();
        for (String expr : Monitoring.expressions(manifests)) {
            for (Map.Entry<String, Set<String>> selector : PromQl.selectors(expr).entrySet()) {
                String metric = selector.getKey();
                if (PromQl.fromKafkaExporter(metric)) {
                    continue;
                }
                softly.assertThat(scrape.names()).as("exported by a service: " + metric + " in " + expr)
                        .contains(metric);
                Set<String> available = new TreeSet<>(scrape.labelsByName.getOrDefault(metric, Set.of()));
                available.addAll(PromQl.TARGET_LABELS);
                softly.assertThat(available).as("labels of " + metric + " in " + expr)
                        .containsAll(selector.getValue());
            }
        }
        for (String name : scrape.names()) {
            if (LIBRARY_PREFIXES.stream().noneMatch(name::startsWith)) {
                softly.assertThat(name).as("mailsync's own metric").startsWith("mailsync_");
            }
            if (name.startsWith("mailsync_")) {
                softly.assertThat(scrape.labelsByName.get(name)).as(name + ": no pod-local percentiles")
                        .doesNotContain("quantile");
            }
        }
        // latencies, that is: an observation's "active" long-task timer counts what is in flight, it has no buckets
        scrape.names().stream().filter(n -> n.startsWith("mailsync_") && n.endsWith("_seconds_count"))
                .filter(n -> !n.endsWith("_active_seconds_count"))
                .forEach(count -> softly.assertThat(scrape.names()).as(count + " is a histogram")
                        .contains(count.replace("_count", "_bucket")));
        softly.assertAll();
    }
}
