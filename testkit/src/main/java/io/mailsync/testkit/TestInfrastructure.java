package io.mailsync.testkit;

import io.mailsync.events.TopicNames;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the shared embedded infrastructure: the broker, a database of its own, a topic
 * namespace of its own and consumer groups of their own, so test classes never see each other's records.
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    /**
     * Test mail servers (GreenMail, Dovecot) listen on loopback with random ports, which the mail-server guard refuses
     * by default (issue 16, SSRF): tests allow them explicitly, as an operator allows the ISP's own servers.
     */
    public static final String LOOPBACK = "127.0.0.1,::1,localhost";
    public static final String ANY_PORT = "1-65535";

    public static void allowLoopbackMailServers(DynamicPropertyRegistry registry) {
        registry.add("mailsync.security.mail-servers.allow", () -> LOOPBACK);
        registry.add("mailsync.security.mail-servers.ports", () -> ANY_PORT);
    }

    /** Registers Kafka and MongoDB properties; returns the namespace the test's topics live in. */
    public static TopicNames register(DynamicPropertyRegistry registry, String service) {
        TopicNames names = KafkaKit.newNamespace();
        registry.add("spring.kafka.bootstrap-servers", KafkaKit::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MongoKit.uriForNewDatabase(service));
        registry.add("mailsync.kafka.namespace", names::namespace);
        registry.add("mailsync.kafka.group-suffix", () -> "-" + names.namespace());
        // the content store is required wherever bodies are kept (issue 17); a test that reads it names its own
        registry.add("mailsync.content.uri", () -> MongoKit.uriForNewDatabase(service + "-content"));
        allowLoopbackMailServers(registry);
        return names;
    }
}
