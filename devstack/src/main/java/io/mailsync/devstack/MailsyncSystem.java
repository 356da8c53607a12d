package io.mailsync.devstack;

import io.mailsync.fetcher.FetcherApplication;
import io.mailsync.gateway.GatewayApplication;
import io.mailsync.quota.QuotaApplication;
import io.mailsync.sync.SyncApplication;
import io.mailsync.webhook.WebhookApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the five services as five Spring contexts in this JVM, wired to the given infrastructure, and stops them
 * in reverse order. Each context keeps its own configuration file ({@code spring.config.name}, ADR 0001).
 */
public final class MailsyncSystem implements AutoCloseable {

    /** In the order they start. */
    public static final List<String> SERVICES = List.of("sync-service", "quota-service", "webhook-service",
            "fetcher-service", "api-gateway");

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> byName = new HashMap<>();
    private final SystemSettings settings;
    private ApplicationContextInitializer<ConfigurableApplicationContext> everyService = context -> { };

    private MailsyncSystem(SystemSettings settings) {
        this.settings = settings;
    }

    /** Starts sync, quota, webhook, fetcher, then the gateway in front of them; {@code progress} hears each step. */
    public static MailsyncSystem start(SystemSettings settings, Progress progress) {
        return start(settings, progress, Map.of());
    }

    /**
     * As {@link #start(SystemSettings, Progress)}, with properties of one's own per service, e.g.
     * {@code Map.of("fetcher-service", Map.of("mailsync.fetcher.session.usage-every", "1s"))}.
     */
    public static MailsyncSystem start(SystemSettings settings, Progress progress,
            Map<String, Map<String, Object>> overrides) {
        return start(settings, progress, overrides, context -> { });
    }

    /**
     * As {@link #start(SystemSettings, Progress, Map)}, with {@code everyService} applied to each service's context
     * before it starts (tests: a span exporter of their own, ...).
     */
    public static MailsyncSystem start(SystemSettings settings, Progress progress,
            Map<String, Map<String, Object>> overrides,
            ApplicationContextInitializer<ConfigurableApplicationContext> everyService) {
        MailsyncSystem system = new MailsyncSystem(settings);
        system.everyService = everyService;
        try {
            system.run("sync-service", SyncApplication.builder(), progress,
                    with(system.common("sync"), overrides.get("sync-service")));
            system.run("quota-service", QuotaApplication.builder(), progress,
                    with(system.quotaProperties(), overrides.get("quota-service")));
            system.run("webhook-service", WebhookApplication.builder(), progress,
                    with(system.webhookProperties(), overrides.get("webhook-service")));
            system.run("fetcher-service", FetcherApplication.builder(), progress,
                    with(system.fetcherProperties(), overrides.get("fetcher-service")));
            system.run("api-gateway", GatewayApplication.builder(), progress,
                    with(system.gatewayProperties(), overrides.get("api-gateway")));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public int port(String service) {
        return Integer.parseInt(byName.get(service).getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Health and metrics ({@code /actuator/...}) answer on this port, not on {@link #port}. */
    public int managementPort(String service) {
        return Integer.parseInt(byName.get(service).getEnvironment().getRequiredProperty("local.management.port"));
    }

    public String gatewayUrl() {
        return "http://localhost:" + port("api-gateway");
    }

    public ConfigurableApplicationContext context(String service) {
        return byName.get(service);
    }

    /** Stops one service (tests: "downstream stopped", "fetcher crashed"). */
    public void stop(String service) {
        ConfigurableApplicationContext context = byName.remove(service);
        if (context != null) {
            contexts.remove(context);
            context.close();
        }
    }

    private static Map<String, Object> with(Map<String, Object> properties, Map<String, Object> overrides) {
        if (overrides != null) {
            properties.putAll(overrides);
        }
        return properties;
    }

    private Map<String, Object> common(String service) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("management.server.port", 0); // five services on one machine: each its own, printed at start
        // every request traced, so every log line of it carries its trace id; export only when asked (DevStack)
        p.put("management.tracing.sampling.probability", "1.0");
        p.put("management.tracing.export.otlp.enabled", false);
        p.put("spring.main.banner-mode", "off"); // five banners would bury devstack's progress lines
        p.put("spring.kafka.bootstrap-servers", settings.kafkaBootstrap());
        p.put("spring.mongodb.uri", settings.database(service));
        p.put("mailsync.content.uri", settings.database("content"));
        p.put("mailsync.kafka.namespace", settings.topics().namespace());
        p.put("mailsync.kafka.group-suffix", settings.groupSuffix());
        p.put("mailsync.crypto.key-id", settings.credentialKeyId());
        p.put("mailsync.crypto.key", settings.credentialKey());
        p.putAll(tokenProperties(settings));
        // auth-server shares devstack's classpath: its auto-configuration (a key and settings of its own) is for it
        p.put("spring.autoconfigure.exclude", AUTHORIZATION_SERVER_AUTO_CONFIGURATION);
        // issue 16 (SSRF): devstack's and the test suites' mail servers are on loopback with ports of their own,
        // which the mail-server guard refuses by default; allowed here explicitly, as an operator allows the ISP's
        p.put("mailsync.security.mail-servers.allow", LOOPBACK_MAIL_SERVERS);
        p.put("mailsync.security.mail-servers.ports", "110,143,993,995,1024-65535");
        return p;
    }

    /** The properties that make a service trust {@code settings.tokens()} (the suites' own contexts use them too). */
    public static Map<String, Object> tokenProperties(SystemSettings settings) {
        Map<String, Object> p = new HashMap<>();
        SystemSettings.TokenTrust tokens = settings.tokens();
        if (tokens.jwkSetUri() != null) {
            p.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri());
        } else {
            p.put("spring.security.oauth2.resourceserver.jwt.public-key-location", tokens.publicKeyLocation());
        }
        if (tokens.issuer() != null) {
            // ADR 0008: iss checked; the protected-resource metadata names the same server (ADR 0010)
            p.put("mailsync.security.jwt.issuer", tokens.issuer());
        }
        return p;
    }

    private static final String AUTHORIZATION_SERVER_AUTO_CONFIGURATION = String.join(",",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");

    /** The mail servers devstack and the suites register: loopback's own address only (127.0.0.2 stays refused). */
    public static final String LOOPBACK_MAIL_SERVERS = "127.0.0.1,::1,localhost";

    private Map<String, Object> quotaProperties() {
        Map<String, Object> p = common("quota");
        p.put("spring.mail.host", settings.smtpHost());
        p.put("spring.mail.port", settings.smtpPort());
        p.put("mailsync.quota.mail.from", settings.quotaMailFrom());
        return p;
    }

    /**
     * webhook-service (ADR 0013) with its own database. Devstack only: plain-http receivers on loopback, so a receiver
     * on the developer's machine works ({@code nc -l}, a small script); production takes https to public hosts only.
     */
    private Map<String, Object> webhookProperties() {
        Map<String, Object> p = common("webhooks");
        p.put("mailsync.webhooks.allow-http", true);
        p.put("mailsync.webhooks.targets.allow", LOOPBACK_MAIL_SERVERS);
        p.put("mailsync.webhooks.targets.ports", "443,8443,1024-65535");
        return p;
    }

    private Map<String, Object> fetcherProperties() {
        Map<String, Object> p = common("fetcher");
        p.put("mailsync.security.api.enabled", false); // service-support's API security: the fetcher serves no API
        // the fetcher serves only health and metrics and has no Spring Security of its own; on devstack's shared
        // classpath Boot would otherwise lock them behind a login, as it would not in the fetcher's own image
        p.put("spring.autoconfigure.exclude", String.join(",", AUTHORIZATION_SERVER_AUTO_CONFIGURATION,
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"));
        return p;
    }

    private Map<String, Object> gatewayProperties() {
        Map<String, Object> p = common("gateway");
        p.put("server.port", settings.gatewayPort());
        p.put("mailsync.gateway.sync-uri", "http://localhost:" + port("sync-service"));
        p.put("mailsync.gateway.quota-uri", "http://localhost:" + port("quota-service"));
        p.put("mailsync.gateway.webhooks-uri", "http://localhost:" + port("webhook-service"));
        // the gateway keeps nothing in MongoDB; on devstack's shared classpath it must not report one as down
        p.put("management.health.mongo.enabled", false);
        p.put("management.health.mongodb.enabled", false);
        return p;
    }

    private void run(String name, SpringApplicationBuilder builder, Progress progress, Map<String, Object> properties) {
        progress.starting(name);
        long started = System.nanoTime();
        // as command-line arguments: they outrank the service's own configuration file, default properties don't
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // closed by close(), in order, before the infrastructure (testkit ShutdownOrder) — not by its own hook
        ConfigurableApplicationContext context = builder.registerShutdownHook(false).initializers(everyService)
                .run(args);
        contexts.add(context);
        byName.put(name, context);
        progress.started(name, port(name), managementPort(name), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
        byName.clear();
    }

    /** Hears the start of each service, for devstack's progress lines. */
    public interface Progress {
        void starting(String service);

        void started(String service, int port, long millis);

        /** With the port of the service's health and metrics; by default as {@link #started(String, int, long)}. */
        default void started(String service, int port, int managementPort, long millis) {
            started(service, port, millis);
        }

        Progress SILENT = new Progress() {
            @Override
            public void starting(String service) {
            }

            @Override
            public void started(String service, int port, long millis) {
            }
        };
    }
}
