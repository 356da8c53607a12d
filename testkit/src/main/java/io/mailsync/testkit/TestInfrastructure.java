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

    /** Registers Kafka and MongoDB properties; returns the namespace the test's topics live in. */
    public static TopicNames register(DynamicPropertyRegistry registry, String service) {
        TopicNames names = KafkaKit.newNamespace();
        registry.add("spring.kafka.bootstrap-servers", KafkaKit::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MongoKit.uriForNewDatabase(service));
        registry.add("mailsync.kafka.namespace", names::namespace);
        registry.add("mailsync.kafka.group-suffix", () -> "-" + names.namespace());
        return names;
    }
}
