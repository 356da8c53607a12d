package io.mailsync.gateway;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every gateway integration test points the gateway at: the broker, its own namespace, fakes, the key. */
final class GatewayTestSupport {

    private static TopicNames names;

    private GatewayTestSupport() {
    }

    /**
     * One topic namespace for all gateway tests in this JVM: creating 96 partitions per test class is the slowest
     * thing here. Each gateway context still has its own consumer groups, and tests use their own account ids.
     */
    static synchronized TopicNames names() {
        if (names == null) {
            names = KafkaKit.newNamespace();
        }
        return names;
    }

    static void register(DynamicPropertyRegistry registry, TopicNames names, FakeService sync, FakeService quota) {
        registry.add("spring.kafka.bootstrap-servers", KafkaKit::bootstrapServers);
        registry.add("mailsync.kafka.namespace", names::namespace);
        registry.add("mailsync.kafka.group-suffix", () -> "-" + names.namespace());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> JwtKit.shared().publicKeyLocation());
        registry.add("mailsync.gateway.sync-uri", () -> sync.uri().toString());
        registry.add("mailsync.gateway.quota-uri", () -> quota.uri().toString());
    }
}
