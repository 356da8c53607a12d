package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.TcpProxy;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** MongoDB goes away: consumption pauses (no skip, no dead letter), the API answers 503, and all resumes after. */
@SpringBootTest(classes = SyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=sync-service")
class MongoOutageIT {

    private static final TcpProxy MONGO = new TcpProxy(URI.create(MongoKit.baseUri()).getPort());
    private static final TopicNames TOPICS = KafkaKit.newNamespace();
    private static final String GROUP = "sync-" + TOPICS.namespace();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        registry.add("spring.kafka.bootstrap-servers", KafkaKit::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO.port() + "/sync-outage-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000&socketTimeoutMS=3000");
        // the content store is required (issue 17); not behind the proxy, so only the registry's database goes away
        registry.add("mailsync.content.uri", () -> MongoKit.uri("sync-outage-content"));
        registry.add("mailsync.kafka.namespace", TOPICS::namespace);
        registry.add("mailsync.kafka.group-suffix", () -> "-" + TOPICS.namespace());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> JwtKit.shared().publicKeyLocation());
        registry.add("mailsync.crypto.key-id", () -> "outage");
        registry.add("mailsync.crypto.key", () -> Base64.getEncoder().encodeToString(key));
    }

    @AfterAll
    static void closeProxy() {
        MONGO.close();
    }

    @Test
    void consumptionPausesWhileMongoIsDownAndResumesWithNothingLost() {
        String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "http://127.0.0.1:" + port;
        ApiClient api = new ApiClient(base, JwtKit.shared().token(customer, "mail.read", "mail.write"));
        ApiClient provisioning = new ApiClient(base, JwtKit.shared().token("provisioning", "accounts.admin"));
        Map<String, Object> body = Map.of("customerId", customer, "protocol", "IMAP", "host", "imap.example.test",
                "port", 993, "security", "SSL", "username", "outage", "password", "pw");
        ApiClient.Response registered = provisioning.send("POST", "/api/v1/accounts", "application/json",
                ApiClient.JSON.writeValueAsString(body));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String accountId = registered.body().get("accountId").asString();

        MONGO.stop();
        for (int uid = 1; uid <= 3; uid++) {
            Broker.publish(TOPICS.events(), MailEvents.imapArrived(accountId, uid, "during outage " + uid));
        }

        ApiClient.Response unavailable = api.get("/api/v1/accounts/" + accountId + "/messages");
        assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
        assertThat(unavailable.isProblem()).isTrue();
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> committed() < endOffsets());
        assertThat(Broker.readAll(Topics.deadLetter(TOPICS.events()), r -> accountId.equals(r.key()))).isEmpty();

        MONGO.start();

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Response page = api.get("/api/v1/accounts/" + accountId + "/messages");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("messages")).hasSize(3);
            assertThat(page.body().get("state").asString()).isEqualTo("1-3");
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> committed() == endOffsets());
        assertThat(Broker.readAll(Topics.deadLetter(TOPICS.events()), r -> accountId.equals(r.key()))).isEmpty();
    }

    private static long committed() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaKit.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(TOPICS.events()))
                    .filter(e -> e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static long endOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaKit.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPICS.events())).allTopicNames().get()
                    .get(TOPICS.events()).partitions().stream()
                    .map(p -> new TopicPartition(TOPICS.events(), p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
        }
    }
}
