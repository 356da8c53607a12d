package io.mailsync.gateway;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import java.util.ArrayList;
import java.util.List;
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
        // the rate-limit buckets every replica shares (issue 16): the MongoDB wire server, a database per context
        registry.add("spring.mongodb.uri", () -> MongoKit.uriForNewDatabase("gateway"));
    }

    /** Command-line arguments for a gateway started from code (another replica), pointed where the tests' are. */
    static String[] args(TopicNames names, FakeService sync, FakeService quota, String mongoUri, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + KafkaKit.bootstrapServers(),
                "--mailsync.kafka.namespace=" + names.namespace(),
                "--mailsync.kafka.group-suffix=-" + names.namespace(),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + JwtKit.shared().publicKeyLocation(),
                "--spring.mongodb.uri=" + mongoUri,
                "--mailsync.gateway.sync-uri=" + sync.uri(),
                "--mailsync.gateway.quota-uri=" + quota.uri()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
