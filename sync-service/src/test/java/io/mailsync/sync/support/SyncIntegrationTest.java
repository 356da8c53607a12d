package io.mailsync.sync.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.TopicNames;
import io.mailsync.sync.SyncApplication;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.TestInfrastructure;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One running sync service for every integration test class that extends this (one Spring context, shared): the
 * real KRaft broker, the MongoDB wire server, tokens minted by {@link JwtKit}. Tests isolate by account.
 */
@SpringBootTest(classes = SyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=sync-service")
@Import(TestClockConfiguration.class)
// issue 19: every status a documented route answers in these tests must be documented (ADR 0018)
@ContextConfiguration(initializers = DocumentedStatuses.Recording.class)
@ExtendWith(DocumentedStatuses.Check.class)
public abstract class SyncIntegrationTest {

    protected static final JwtKit JWT = JwtKit.shared();
    protected static final String CRYPTO_KEY_ID = "it";
    protected static final String CRYPTO_KEY = randomKey();
    protected static final String CONTENT_URI = MongoKit.uri("mailsync-content-it");
    protected static TopicNames topics;

    @LocalServerPort
    protected int port;

    /** Health and metrics answer on a port of their own (issue 17). */
    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = TestInfrastructure.register(registry, "sync");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", JWT::publicKeyLocation);
        registry.add("mailsync.crypto.key-id", () -> CRYPTO_KEY_ID);
        registry.add("mailsync.crypto.key", () -> CRYPTO_KEY);
        registry.add("mailsync.content.uri", () -> CONTENT_URI);
    }

    protected ApiClient customer(String customerId) {
        return new ApiClient(base(), JWT.token(customerId, "mail.read", "mail.write"));
    }

    protected ApiClient admin() {
        return new ApiClient(base(), JWT.token("provisioning", "accounts.admin", "mail.read"));
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A request body: a string as it is (malformed JSON too), anything else as JSON. */
    protected static String body(Object body) {
        return body instanceof String text ? text : ApiClient.JSON.writeValueAsString(body);
    }

    /** A JSON request body from maps and lists. */
    protected static ObjectNode json(Object body) {
        return ApiClient.JSON.valueToTree(body);
    }

    protected static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    protected static String newCustomer() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Map<String, Object> imapAccount(String customerId) {
        return map("customerId", customerId, "protocol", "IMAP", "host", "imap.example.test", "port", 993,
                "security", "SSL", "username", "user-" + UUID.randomUUID().toString().substring(0, 6),
                "password", "s3cret-" + UUID.randomUUID(), "folders", List.of("INBOX"), "pollInterval", "PT1M");
    }

    /** Registers an account through the API and returns its id. */
    protected String register(Map<String, Object> body) {
        ApiClient.Response created = admin().post("/api/v1/accounts", json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("accountId").asString();
    }

    protected static void eventually(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(assertion::run);
    }

    protected static JsonNode messagesOf(ApiClient api, String accountId) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + accountId + "/messages");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
