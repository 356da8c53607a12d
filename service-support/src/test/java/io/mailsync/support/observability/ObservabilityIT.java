package io.mailsync.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every service gets from this module (issue 17, ADR 0009), in a service of its own on a real broker: a request
 * and the Kafka record it sends are one trace; trace ids are in the JSON logs; management answers on its own port;
 * mailsync timers publish buckets, never pod-local percentiles.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final List<String> RECEIVED_TRACES = new CopyOnWriteArrayList<>();
    private static TopicNames topics;
    private static ConfigurableApplicationContext service;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AnyService {

        @Bean
        InMemorySpanExporter spans() {
            return SPANS;
        }

        @Bean
        Sender sender(KafkaTemplate<String, String> kafka) {
            return new Sender(kafka);
        }

        @Bean
        Receiver receiver(io.micrometer.tracing.Tracer tracer) {
            return new Receiver(tracer);
        }
    }

    @RestController
    static class Sender {
        private final KafkaTemplate<String, String> kafka;

        Sender(KafkaTemplate<String, String> kafka) {
            this.kafka = kafka;
        }

        @PostMapping("/send")
        String send() throws Exception {
            kafka.send(topics.events(), "acc-1", "hello").get();
            return "sent";
        }
    }

    static class Receiver {
        private static final Logger log = LoggerFactory.getLogger(Receiver.class);
        private final io.micrometer.tracing.Tracer tracer;

        Receiver(io.micrometer.tracing.Tracer tracer) {
            this.tracer = tracer;
        }

        @KafkaListener(id = "observability-it", topics = "#{T(io.mailsync.support.observability.ObservabilityIT).topic()}",
                groupId = "observability-it")
        void on(ConsumerRecord<String, String> record) {
            log.info("received a record for {}", record.key());
            RECEIVED_TRACES.add(tracer.currentSpan() == null ? "none" : tracer.currentSpan().context().traceId());
        }
    }

    public static String topic() {
        return topics.events();
    }

    @BeforeAll
    static void start() {
        topics = KafkaKit.newNamespace();
        service = new SpringApplicationBuilder(AnyService.class).run(
                "--server.port=0",
                // as a service's own file sets it; a service on a random port must not take this fixed one
                "--management.server.port=9999",
                "--management.endpoints.web.exposure.include=health,prometheus",
                "--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.tracing.export.schedule-delay=50ms",
                "--logging.structured.format.console=ecs",
                "--logging.config=classpath:ecs-console-logback.xml",
                // this module's tests have Spring Security on the classpath; the service here has none of its own
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
                "--mailsync.security.api.enabled=false",
                "--spring.application.name=observed",
                "--spring.kafka.bootstrap-servers=" + KafkaKit.bootstrapServers(),
                "--spring.kafka.consumer.auto-offset-reset=earliest");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aRequestAndTheRecordItSendsAreOneTraceAndTheTraceIdIsInTheJsonLog(CapturedOutput output) throws Exception {
        int before = RECEIVED_TRACES.size();
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(app("/send")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED_TRACES.size() > before);
        String trace = RECEIVED_TRACES.get(before);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spansOf(trace))
                .extracting(SpanData::getKind).map(Enum::name)
                .contains("SERVER", "PRODUCER", "CONSUMER"));
        // one JSON line: the listener's message with the trace it continued, under ECS's name for it
        assertThat(output.getOut().lines().filter(line -> line.startsWith("{") && line.contains("received a record")))
                .anySatisfy(line -> assertThat(line).contains("\"trace.id\":\"" + trace + "\"", "\"span.id\":"));
    }

    @Test
    void managementHasAPortOfItsOwnAndScrapesAreNotTraced() throws Exception {
        int app = port("local.server.port");
        int management = port("local.management.port");
        assertThat(management).isNotIn(app, 9999);
        assertThat(get("http://localhost:" + management + "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get(app("/actuator/prometheus")).statusCode()).as("not on the application port").isEqualTo(404);

        // a scrape, then a request of a customer's: once the request's spans are out, the scrape's would be too
        get("http://localhost:" + management + "/actuator/prometheus");
        int before = RECEIVED_TRACES.size();
        HTTP.send(HttpRequest.newBuilder(URI.create(app("/send"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED_TRACES.size() > before);
        String marker = RECEIVED_TRACES.getLast();
        await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(marker).size() >= 3);
        assertThat(SPANS.getFinishedSpanItems()).isNotEmpty().noneSatisfy(span -> assertThat(
                span.getName() + " " + span.getAttributes()).contains("actuator"));
    }

    @Test
    void mailsyncTimersPublishBucketsThatAddUpAcrossPodsNotPercentiles() throws Exception {
        Timer.builder("mailsync.test.latency").publishPercentiles(0.5, 0.99)
                .register(service.getBean(MeterRegistry.class)).record(Duration.ofMillis(42));
        String scrape = get("http://localhost:" + port("local.management.port") + "/actuator/prometheus").body();
        assertThat(scrape).contains("mailsync_test_latency_seconds_bucket{")
                .contains("application=\"observed\"")
                .doesNotContain("mailsync_test_latency_seconds{quantile");
    }

    private static List<SpanData> spansOf(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static int port(String property) {
        return Integer.parseInt(service.getEnvironment().getRequiredProperty(property));
    }

    private static String app(String path) {
        return "http://localhost:" + port("local.server.port") + path;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
