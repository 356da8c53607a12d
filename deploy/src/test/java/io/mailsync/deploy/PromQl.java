package io.mailsync.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics and labels a PromQL expression selects. The shipped rules and dashboard write every selector with its
 * braces ({@code name{...}}), so a metric is a name followed by {@code {}, never a function or keyword (those are
 * followed by {@code (}).
 */
final class PromQl {

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"");
    /** Exported by Strimzi's Kafka Exporter (kafkaExporter in base/kafka/kafka.yaml), not by a mailsync service. */
    static final Set<String> KAFKA_EXPORTER = Set.of("kafka_consumergroup_lag", "kafka_consumergroup_current_offset",
            "kafka_topic_partition_current_offset", "kafka_topic_partition_oldest_offset", "kafka_topic_partitions");
    /** Labels Prometheus adds when it scrapes a target through a ServiceMonitor or PodMonitor. */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "service", "job", "instance", "endpoint",
            "container");

    private PromQl() {
    }

    /** Metric name → the label names its selectors match on, over every selector of {@code expr}. */
    static Map<String, Set<String>> selectors(String expr) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Set<String> labels = out.computeIfAbsent(selector.group(1), name -> new LinkedHashSet<>());
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                labels.add(matcher.group(1));
            }
        }
        return out;
    }

    static boolean fromKafkaExporter(String metric) {
        return KAFKA_EXPORTER.contains(metric);
    }
}
