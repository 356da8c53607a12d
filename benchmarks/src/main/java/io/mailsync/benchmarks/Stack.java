package io.mailsync.benchmarks;

import io.mailsync.devstack.MailsyncSystem;
import io.mailsync.devstack.SystemSettings;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The real system as devstack runs it — the four services in this JVM on the in-process KRaft broker and the MongoDB
 * wire server — plus a private Dovecot. Every benchmark drives it only through the gateway and the mail server.
 */
final class Stack implements AutoCloseable {

    static final String ADMIN = "provisioning";

    /**
     * The gateway's rate limits (Bucket4j per customer, per client application and of body bytes, kept in MongoDB)
     * are raised far above what any figure sends, but stay enabled: every request still pays for its bucket checks,
     * and a figure measures the system's speed, never a limit (issue 18). The defaults (100/s per customer, 1000/s
     * per client application) would turn P5's closed loop and P8's polling into 429s.
     */
    static final Map<String, Object> GATEWAY_LIMITS = Map.of(
            "mailsync.gateway.rate-limit.per-customer", 1_000_000,
            "mailsync.gateway.rate-limit.per-client", 1_000_000,
            "mailsync.gateway.rate-limit.bytes-per-customer", "100MB");

    final String unique = UUID.randomUUID().toString().substring(0, 8);
    final String kafka;
    final String mongo;
    final TopicNames topics;
    final String credentialKey;
    final Dovecot dovecot;
    final MailsyncSystem system;

    /** What is up before the services start: the broker, the database and the credential key. */
    record Infrastructure(String kafka, String mongo, String credentialKey) {
    }

    private Stack(java.util.function.Consumer<Infrastructure> beforeServices) {
        kafka = KafkaKit.bootstrapServers();
        mongo = MongoKit.baseUri();
        topics = KafkaKit.newNamespace();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        credentialKey = Base64.getEncoder().encodeToString(key);
        beforeServices.accept(new Infrastructure(kafka, mongo, credentialKey));
        dovecot = Dovecot.start();
        SystemSettings settings = new SystemSettings(kafka, mongo, "bench-" + unique, topics, "-" + unique, "bench",
                credentialKey, JwtKit.shared().publicKeyLocation(), "127.0.0.1", GreenMailKit.smtpPort(),
                "quota@mailsync.test", 0);
        system = MailsyncSystem.start(settings, new MailsyncSystem.Progress() {
            @Override
            public void starting(String service) {
                Benchmarks.say("starting " + service);
            }

            @Override
            public void started(String service, int port, long millis) {
                Benchmarks.say(service + " on " + port + " (" + millis + " ms)");
            }
        }, overrides());
    }

    /**
     * {@link #GATEWAY_LIMITS}, plus any {@code -Dbench.override.<service>.<property>=value} (e.g.
     * {@code -Dbench.override.fetcher-service.spring.kafka.consumer.fetch-max-wait=50ms}): a setting tried on the
     * real system without a rebuild, for a diagnosis. A run with overrides says so in its log.
     */
    private static Map<String, Map<String, Object>> overrides() {
        Map<String, Map<String, Object>> all = new java.util.HashMap<>();
        all.put("api-gateway", new java.util.HashMap<>(GATEWAY_LIMITS));
        String prefix = "bench.override.";
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                String service = rest.substring(0, dot);
                all.computeIfAbsent(service, s -> new java.util.HashMap<>()).put(rest.substring(dot + 1),
                        System.getProperty(key));
                Benchmarks.say("override for " + service + ": " + rest.substring(dot + 1) + "=" + System.getProperty(key));
            }
        }
        return all;
    }

    static Stack start(java.util.function.Consumer<Infrastructure> beforeServices) {
        return new Stack(beforeServices);
    }

    String syncDatabase() {
        return "bench-" + unique + "-sync";
    }

    ApiClient admin() {
        return new ApiClient(system.gatewayUrl(), JwtKit.shared().token(ADMIN, "accounts.admin", "mail.read"));
    }

    ApiClient customer(String customerId) {
        return new ApiClient(system.gatewayUrl(), customerToken(customerId));
    }

    /** The same customer's calls straight to sync-service, bypassing the gateway (P5's baseline). */
    ApiClient customerDirect(String customerId) {
        return new ApiClient("http://localhost:" + system.port("sync-service"), customerToken(customerId));
    }

    /** Registers a plain IMAP mailbox on this stack's Dovecot, polled every minute beside IDLE; answers its id. */
    String registerImap(String customer, String username, String password) {
        return admin().register(ApiClient.account(customer, "IMAP", dovecot.imapPort(), username, password)
                .put("pollInterval", "PT1M"));
    }

    static String customerToken(String customerId) {
        return JwtKit.shared().token(customerId, "mail.read", "mail.write", "quota.read");
    }

    @Override
    public void close() {
        system.close();
        dovecot.close();
    }
}
