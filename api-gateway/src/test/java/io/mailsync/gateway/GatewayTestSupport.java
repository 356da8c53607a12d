package io.mailsync.gateway;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every gateway integration test points the gateway at: the broker, its own namespace, fakes, the key. */
final class GatewayTestSupport {

    private GatewayTestSupport() {
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
