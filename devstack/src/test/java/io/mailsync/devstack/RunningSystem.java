package io.mailsync.devstack;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.ShutdownOrder;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system, started once per test JVM on the shared embedded infrastructure with a topic namespace and
 * databases of its own. End-to-end tests talk to it only through the gateway, as a third-party client would.
 */
final class RunningSystem {

    static final String ADMIN = "provisioning";
    private static MailsyncSystem system;
    private static TopicNames topics;

    private RunningSystem() {
    }

    static synchronized MailsyncSystem get() {
        if (system == null) {
            topics = KafkaKit.newNamespace();
            String unique = UUID.randomUUID().toString().substring(0, 8);
            SystemSettings settings = new SystemSettings(KafkaKit.bootstrapServers(), MongoKit.baseUri(),
                    "e2e-" + unique, topics, "-" + unique, "e2e",
                    Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes()),
                    JwtKit.shared().publicKeyLocation(), "127.0.0.1", GreenMailKit.smtpPort(), "quota@mailsync.test", 0);
            // faster than production so a test sees usage move within a second or two
            // and more patient at the gateway than production's 5 s: a CI machine under load can be that slow on a
            // service's first requests, and these tests are about behaviour, not latency (benchmarks measure that)
            system = MailsyncSystem.start(settings, MailsyncSystem.Progress.SILENT, Map.of(
                    "fetcher-service", Map.of("mailsync.fetcher.session.usage-every", "1s",
                            "mailsync.fetcher.session.start-stagger", "100ms"),
                    "api-gateway", Map.of("mailsync.gateway.downstream.timeout", "30s")));
            ShutdownOrder.application(system::close);
        }
        return system;
    }

    static TopicNames topics() {
        get();
        return topics;
    }

    static ApiClient admin() {
        return new ApiClient(get().gatewayUrl(), JwtKit.shared().token(ADMIN, "accounts.admin", "mail.read"));
    }

    static ApiClient customer(String customerId) {
        return new ApiClient(get().gatewayUrl(),
                JwtKit.shared().token(customerId, "mail.read", "mail.write", "quota.read"));
    }
}
