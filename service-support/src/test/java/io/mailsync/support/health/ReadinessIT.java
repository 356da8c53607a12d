package io.mailsync.support.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A service's readiness probe against a real broker and a real MongoDB wire server that go away and come back:
 * what Kubernetes sees (HTTP status of /actuator/health/readiness), while liveness stays up throughout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static InetSocketAddress mongoAddress;
    private static ConfigurableApplicationContext service;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AnyService { // no component scan: the auto-configuration must find its own place
    }

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongoAddress = mongo.bind();
        service = new SpringApplicationBuilder(AnyService.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.mongodb.uri=mongodb://localhost:" + mongoAddress.getPort() + "/any",
                "--mailsync.health.timeout=1s",
                "--mailsync.security.api.enabled=false", // no token key here: the API security needs one
                "--management.endpoint.health.probes.enabled=true",
                "--management.endpoint.health.group.readiness.include=readinessState,kafka,mongo",
                "--management.endpoint.health.group.readiness.show-components=always");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    @Order(1)
    void readyWhileKafkaAndMongoAnswer() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"UP\"", "\"mongo\":{\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void notReadyWhileMongoIsGoneAndReadyAgainWhenItIsBack() throws Exception {
        mongo.shutdownNow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"mongo\":{\"status\":\"DOWN\"", "\"kafka\":{\"status\":\"UP\"");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).as("liveness must not restart the pod").isEqualTo(200);

        mongo = new MongoServer(new MemoryBackend());
        mongo.bind(mongoAddress.getHostString(), mongoAddress.getPort());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
    }

    @Test
    @Order(3)
    void notReadyWhileTheBrokerIsGone() throws Exception {
        kafka.destroy();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"DOWN\"");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        kafka = null;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String port = service.getEnvironment().getRequiredProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
