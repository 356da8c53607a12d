package io.mailsync.support.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, below everything a service or an operator sets (its {@code <service>.yml}, the
 * environment, the command line): written once here instead of four times (ADR 0009).
 * <ul>
 * <li>Kafka templates and listeners are observed, so a record carries the W3C {@code traceparent} header and its
 * consumer continues the producer's trace (gateway → sync-service → Kafka → fetcher is one trace).</li>
 * <li>Trace and span ids go into the ECS JSON logs under ECS's own names ({@code trace.id}, {@code span.id}).</li>
 * <li>Metrics carry the service name, and HTTP server latency is published as histogram buckets.</li>
 * <li>Spring Security's observations are off: it observes every filter of its chain, authentication and
 * authorization — a span and timers each, a fifth of the CPU of a gateway request through the filters (JFR, issue
 * 16's R17); the request's own HTTP observation and trace remain.</li>
 * <li>A service started on a random port (tests, devstack) gets a random management port too: its configured
 * management port (e.g. 9081) is for a pod of its own, and two instances in one JVM or host would collide on it.</li>
 * </ul>
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "mailsyncServiceDefaults";
    static final String RANDOM_MANAGEMENT_PORT = "mailsyncRandomManagementPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("logging.structured.json.rename[traceId]", "trace.id");
        defaults.put("logging.structured.json.rename[spanId]", "span.id");
        defaults.put("management.metrics.tags.application", "${spring.application.name:mailsync}");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.observations.enable.spring.security", "false");
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));

        if ("0".equals(environment.getProperty("server.port"))
                && environment.containsProperty("management.server.port")
                && !"-1".equals(environment.getProperty("management.server.port"))) {
            environment.getPropertySources().addFirst(new MapPropertySource(RANDOM_MANAGEMENT_PORT,
                    Map.of("management.server.port", "0")));
        }
    }

    /** After the configuration files are read (ConfigDataEnvironmentPostProcessor), so {@code server.port} is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
