package io.mailsync.reliability;

import io.mailsync.devstack.MailsyncSystem;
import io.mailsync.devstack.SystemSettings;
import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.FetcherApplication;
import io.mailsync.sync.SyncApplication;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.ShutdownOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole system on the shared embedded infrastructure, with a topic namespace and databases of its own. The
 * suite shares one ({@link #shared()}); crash scenarios start their own ({@link #fresh()}) and stop and restart the
 * fetcher or the sync-service in it, as a pod that dies and is rescheduled.
 */
final class Stack implements AutoCloseable {

    static final String ADMIN = "provisioning";
    /**
     * Production notices a silent, dead connection within 5 minutes (fetcher imap.read-timeout); the suite shortens
     * both the timeout and the IDLE renewal it must exceed, so a black hole is found within its time budget.
     */
    static final Map<String, Object> FAST_DEAD_CONNECTION_DETECTION = Map.of(
            "mailsync.fetcher.imap.read-timeout", "20s", "mailsync.fetcher.session.idle-renewal", "15s",
            // R11 waits for the full comparison on GreenMail (no CONDSTORE): every 15 s here instead of 60
            "mailsync.fetcher.session.full-compare-every", "15s");
    /**
     * One customer's limits sized as the README tells an operator to (configuration, {@code rate-limit.per-customer}):
     * what one customer may send at most costs about a quarter of a gateway replica's CPU. Here one API request
     * costs ~9 ms of CPU across the gateway, the service and the store, all in this JVM on two cores: 50 requests/s
     * and 1 MB of bodies per second (the smallest budget that fits the largest allowed body). At the defaults
     * (100/s, 2 MB/s: half this machine) R17's quiet customer's p99 beside the noise was 1.2–2.1× its p99 alone
     * (2.1× warmed up as R17 now is).
     */
    static final Map<String, Object> LIMITS_SIZED_TO_THIS_MACHINE = Map.of(
            "mailsync.gateway.rate-limit.per-customer", 50, "mailsync.gateway.rate-limit.bytes-per-customer", "1MB");
    private static Stack shared;

    final SystemSettings settings;
    final MailsyncSystem system;
    private final List<ConfigurableApplicationContext> restarted = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> replacements = new HashMap<>();

    private Stack(SystemSettings settings) {
        this.settings = settings;
        this.system = MailsyncSystem.start(settings, MailsyncSystem.Progress.SILENT,
                Map.of("fetcher-service", FAST_DEAD_CONNECTION_DETECTION, "api-gateway", LIMITS_SIZED_TO_THIS_MACHINE));
    }

    static synchronized Stack shared() {
        if (shared == null) {
            shared = fresh();
            ShutdownOrder.application(shared::close);
        }
        return shared;
    }

    static Stack fresh() {
        return fresh(KafkaKit.bootstrapServers(), KafkaKit.newNamespace());
    }

    /** A system on a broker of the test's own (R2), with the topics created there as deploy/ declares them. */
    static Stack onBroker(String bootstrap) {
        TopicNames topics = new TopicNames("r2" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(KafkaKit.topics(topics)).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics on " + bootstrap, e);
        }
        return fresh(bootstrap, topics);
    }

    private static Stack fresh(String bootstrap, TopicNames topics) {
        SecretScan.install();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes());
        SystemSettings settings = new SystemSettings(bootstrap, MongoKit.baseUri(), "rel-" + unique,
                topics, "-" + unique, "rel", key, JwtKit.shared().publicKeyLocation(), "127.0.0.1",
                GreenMailKit.smtpPort(), "quota@mailsync.test", 0);
        SecretScan.databases.add(settings.databasePrefix());
        if (bootstrap.equals(KafkaKit.bootstrapServers())) {
            SecretScan.namespaces.add(topics);
        }
        SecretScan.watchKey(key);
        return new Stack(settings);
    }

    TopicNames topics() {
        return settings.topics();
    }

    String gatewayUrl() {
        return system.gatewayUrl();
    }

    /** The public API as the provisioning admin, through the gateway. */
    ApiClient apiAsAdmin() {
        return new ApiClient(gatewayUrl(), JwtKit.shared().token(ADMIN, "accounts.admin", "mail.read", "mail.write"));
    }

    /** The public API as {@code customerId}'s app, through the gateway. */
    ApiClient apiAs(String customerId) {
        return new ApiClient(gatewayUrl(), JwtKit.shared().token(customerId, "mail.read", "mail.write", "quota.read"));
    }

    /** Registers a plain IMAP mailbox on loopback (bodies stored, so every path is exercised); answers its id. */
    String registerImap(String customer, int port, String username, String password) {
        return apiAsAdmin().register(account(customer, "IMAP", port, username, password));
    }

    /** A registration body whose password {@link SecretScan} then looks for in every log line and record. */
    static ObjectNode account(String customer, String protocol, int port, String username, String password) {
        SecretScan.watch(password);
        return ApiClient.account(customer, protocol, port, username, password).put("storeBodies", true);
    }

    /** The public API as the provisioning admin, through the gateway (the same as {@link #apiAsAdmin}). */
    ApiClient admin() {
        return apiAsAdmin();
    }

    /** The public API as {@code customerId}'s app, through the gateway (the same as {@link #apiAs}). */
    ApiClient customer(String customerId) {
        return apiAs(customerId);
    }

    /** The sync-service's own port, bypassing the gateway (the API is served by it; the gateway routes to it). */
    ApiClient customerAtSync(String customerId) {
        return new ApiClient("http://localhost:" + syncPort(),
                JwtKit.shared().token(customerId, "mail.read", "mail.write", "quota.read"));
    }

    /** A service's own port with any token, bypassing the gateway (issue 16: defence in depth). */
    ApiClient direct(String service, String token) {
        return new ApiClient("http://localhost:" + port(service), token);
    }

    /** Times the gateway opened a circuit breaker, per customer or per route, since it started. */
    double breakerOpenings() {
        return system.context("api-gateway").getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("mailsync.gateway.breaker.openings").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private int syncPort() {
        ConfigurableApplicationContext replaced = replacements.get("sync-service");
        return replaced != null ? port(replaced) : system.port("sync-service");
    }

    /** A crash stand-in: the service's context closes. */
    void kill(String service) {
        ConfigurableApplicationContext replaced = replacements.remove(service);
        if (replaced != null) {
            replaced.close();
            restarted.remove(replaced);
        } else {
            system.stop(service);
        }
    }

    /**
     * Starts the service again with the same settings (a rescheduled pod). The sync-service keeps the port the
     * gateway routes to, so the gateway finds it again.
     */
    void restart(String service, int fixedPort) {
        restart(service, fixedPort, Map.of());
    }

    /** As {@link #restart(String, int)}, with settings changed (a rolled deployment, e.g. a new credential key). */
    void restart(String service, int fixedPort, Map<String, Object> changed) {
        SpringApplicationBuilder builder = switch (service) {
            case "fetcher-service" -> FetcherApplication.builder();
            case "sync-service" -> SyncApplication.builder();
            default -> throw new IllegalArgumentException(service);
        };
        Map<String, Object> p = common(service.equals("fetcher-service") ? "fetcher" : "sync");
        p.put("server.port", fixedPort);
        p.put("management.server.port", 0); // its own port (issue 17); a fixed one could be taken on a shared machine
        if (service.equals("fetcher-service")) {
            p.putAll(FAST_DEAD_CONNECTION_DETECTION);
        }
        p.putAll(changed);
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = builder.registerShutdownHook(false).run(args);
        restarted.add(context);
        replacements.put(service, context);
    }

    /** What a fetcher of this system needs to run elsewhere (a JVM of its own, issue 15). */
    Map<String, Object> fetcherProperties() {
        Map<String, Object> p = common("fetcher");
        p.putAll(FAST_DEAD_CONNECTION_DETECTION);
        return p;
    }

    int port(String service) {
        ConfigurableApplicationContext replaced = replacements.get(service);
        return replaced != null ? port(replaced) : system.port(service);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private Map<String, Object> common(String service) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.kafka.bootstrap-servers", settings.kafkaBootstrap());
        p.put("spring.mongodb.uri", settings.mongoBaseUri() + "/" + settings.databasePrefix() + "-" + service);
        p.put("mailsync.content.uri", settings.mongoBaseUri() + "/" + settings.databasePrefix() + "-content");
        p.put("mailsync.kafka.namespace", settings.topics().namespace());
        p.put("mailsync.kafka.group-suffix", settings.groupSuffix());
        p.put("mailsync.crypto.key-id", settings.credentialKeyId());
        p.put("mailsync.crypto.key", settings.credentialKey());
        p.putAll(MailsyncSystem.tokenProperties(settings)); // whom devstack's system trusts (issue 19)
        p.put("mailsync.security.mail-servers.allow", MailsyncSystem.LOOPBACK_MAIL_SERVERS); // as devstack (issue 16)
        p.put("mailsync.security.mail-servers.ports", "110,143,993,995,1024-65535");
        if (service.equals("fetcher")) {
            p.put("mailsync.security.api.enabled", false);
        }
        return p;
    }

    @Override
    public void close() {
        for (int i = restarted.size() - 1; i >= 0; i--) {
            restarted.get(i).close();
        }
        restarted.clear();
        replacements.clear();
        system.close();
    }
}
