package io.mailsync.devstack;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.ShutdownOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code ./mailsync devstack}: the whole system in one JVM. Data lives under {@code devstack-data/} (override with
 * {@code MAILSYNC_DATA}), so a second start finds its accounts, messages and read state again. Ctrl-C stops it.
 */
public final class DevStack {

    static final String DEMO_CUSTOMER = "demo-customer";
    static final int GATEWAY_PORT = 8080;
    /** A progress line is open ("starting X ... " without its "ok"): a failure line starts on a line of its own. */
    private static volatile boolean midLine;
    private static volatile boolean up;
    static final String SIGNING_KEY = "auth-signing-key.jwk";

    private DevStack() {
    }

    /**
     * Starts, or ends the process with one line saying why (issue 17): the data folder held by another devstack, or
     * any step failing — never a stack trace on the console and a JVM that Kafka's threads keep alive.
     */
    public static void main(String[] args) {
        Path data = Path.of(System.getenv().getOrDefault("MAILSYNC_DATA", "devstack-data")).toAbsolutePath();
        DataLock lock;
        try {
            Files.createDirectories(data);
            lock = DataLock.acquire(data); // first: a second devstack must not even append to this one's log
        } catch (IOException e) {
            fail(e instanceof DataLock.Held ? e.getMessage() : "cannot use " + data + ": " + e);
            return;
        }
        try {
            run(data, lock);
        } catch (Throwable e) {
            LoggerFactory.getLogger(StartFailure.class).error("devstack could not start", e);
            fail("could not start: " + StartFailure.reason(e) + " (details: " + data.resolve("devstack.log") + ")");
        }
    }

    private static void run(Path data, DataLock lock) throws Exception {
        // before the first logger exists: the console keeps to progress and warnings, the rest goes to a file
        System.setProperty("MAILSYNC_LOG_FILE", data.resolve("devstack.log").toString());
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        LoggerFactory.getLogger(DevStack.class); // logback reads it now, for the broker's logs before any service
        // one logging set-up for the JVM: five services re-initialising it in turn would drop lines in between
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger(); // Tomcat logs through java.util.logging:
        org.slf4j.bridge.SLF4JBridgeHandler.install();                     // into the same file, as Boot would do
        long started = System.nanoTime();

        // infrastructure steps run last-registered first: this one after the broker, database and mail server
        ShutdownOrder.infrastructure(() -> {
            if (up) { // a failed start has said its one line
                System.out.println("mailsync devstack: stopped");
            }
        });
        step("Kafka (KRaft, in-process)");
        String kafka = KafkaKit.bootstrapServers();
        KafkaKit.createTopics(TopicNames.defaults());
        done(kafka);

        step("MongoDB wire server (file-backed: " + data.resolve("mongo.mv.db") + ")");
        String mongo = MongoKit.startFileBacked(data.resolve("mongo.mv.db"), 0);
        done(mongo);

        step("GreenMail (SMTP " + DemoMailboxes.SMTP + ", IMAP " + DemoMailboxes.IMAP + ", POP3 " + DemoMailboxes.POP3 + ")");
        DemoMailboxes mailboxes = new DemoMailboxes();
        done("demo mailboxes alice (IMAP), bob (POP3), carol (IMAP, nearly full)");

        step("authorization server (OAuth2, key kept in " + data.resolve(SIGNING_KEY) + ")");
        AuthorizationServer auth = AuthorizationServer.start(AuthorizationServer.DEVSTACK_PORT, data.resolve(SIGNING_KEY));
        ShutdownOrder.infrastructure(auth::close); // after the services, which ask it for its keys
        done(auth.url());
        // the fixed tokens older devstacks wrote: signed with a key made anew at every start, useless now (issue 19)
        Files.deleteIfExists(data.resolve("demo.token"));
        Files.deleteIfExists(data.resolve("admin.token"));
        Files.deleteIfExists(data.resolve("jwt-public.pem"));

        Map<String, Map<String, Object>> overrides = tracingExport();
        SystemSettings settings = new SystemSettings(kafka, mongo, "mailsync", TopicNames.defaults(), "",
                "devstack", credentialKey(data), auth.trust(),
                // quota notices go to GreenMail unless an operator names a real relay
                System.getenv().getOrDefault("MAILSYNC_SMTP_HOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("MAILSYNC_SMTP_PORT", String.valueOf(DemoMailboxes.SMTP))),
                "quota@mailsync.test", GATEWAY_PORT);
        MailsyncSystem system = MailsyncSystem.start(settings, new MailsyncSystem.Progress() {
            @Override
            public void starting(String service) {
                step(service);
            }

            @Override
            public void started(String service, int port, long millis) {
                done("http://localhost:" + port + " (" + millis + " ms)");
            }

            @Override
            public void started(String service, int port, int managementPort, long millis) {
                done("http://localhost:" + port + ", management :" + managementPort + " (" + millis + " ms)");
            }
        }, overrides);

        // devstack registers its demo mailboxes as the ISP's provisioning system would, with tokens asked for over HTTP
        String demoToken = auth.clientCredentials(AuthorizationServer.PARTNER, AuthorizationServer.PARTNER_SECRET,
                "mail.read");
        String adminToken = auth.clientCredentials(AuthorizationServer.PROVISIONING,
                AuthorizationServer.PROVISIONING_SECRET, "accounts.admin");

        step("demo accounts");
        DemoAccounts accounts = new DemoAccounts(system.gatewayUrl(), adminToken, demoToken);
        done(accounts.registerIfMissing(DEMO_CUSTOMER));

        ShutdownOrder.infrastructure(mailboxes::close);
        ShutdownOrder.application(() -> {
            System.out.println("\nmailsync devstack: stopping");
            // the broker's own shutdown hook removes its scratch folder at once, so its log cleaner and last
            // checkpoint writes fail loudly while the services stop; nothing is lost (devstack's broker is rebuilt
            // from MongoDB at the next start)
            quiet("org.apache.kafka", "kafka", "state.change.logger");
            system.close();
        });
        ShutdownOrder.application(lock::stopping); // registered last, so runs first: a new start is told to wait

        System.out.printf("""

                mailsync devstack is up in %d s
                  gateway   %s
                  OpenAPI   %s/v3/api-docs   (UI: %s/swagger-ui.html)
                  metrics   %s   (/actuator/health, /actuator/prometheus; traces: %s)
                  accounts  %s
                  mail      IMAP localhost:%d, POP3 localhost:%d, SMTP localhost:%d (users alice, bob, carol; password %s)
                  quota mail to notices@demo.test (IMAP login notices / %s)
                  data      %s   (log: devstack.log)
                  auth      %s   (OAuth2 authorization server: clients %s, %s, %s; customer logins demo, other)
                  token     export TOKEN=$(curl -s -u %s:%s -d grant_type=client_credentials \\
                              -d 'scope=mail.read mail.write quota.read webhooks.manage' %s/oauth2/token | jq -r .access_token)
                            (a partner's back end acting for customer %s; README: the admin token, an app's sign-in)

                  try:      curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/accounts
                Ctrl-C stops everything; the next start reuses the data.
                """,
                (System.nanoTime() - started) / 1_000_000_000, system.gatewayUrl(), system.gatewayUrl(),
                system.gatewayUrl(), managementPorts(system), overrides.isEmpty() ? "ids in the log, no export"
                        : "exported to " + System.getenv("MAILSYNC_OTLP_ENDPOINT"), accounts.summary(),
                DemoMailboxes.IMAP, DemoMailboxes.POP3, DemoMailboxes.SMTP,
                DemoMailboxes.PASSWORD, DemoMailboxes.PASSWORD, data, auth.url(), AuthorizationServer.PARTNER,
                AuthorizationServer.PROVISIONING, AuthorizationServer.APP, AuthorizationServer.PARTNER,
                AuthorizationServer.PARTNER_SECRET, auth.url(), DEMO_CUSTOMER, system.gatewayUrl());
        up = true;
        new CountDownLatch(1).await();
    }

    /** Where each service's management port is: they are random in devstack, so five services fit one machine. */
    private static String managementPorts(MailsyncSystem system) {
        return MailsyncSystem.SERVICES.stream().map(s -> s + " :" + system.managementPort(s))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Traces are kept to the log (trace ids) unless {@code MAILSYNC_OTLP_ENDPOINT} names an OTLP/HTTP receiver, e.g.
     * a local Jaeger's {@code http://localhost:4318/v1/traces}.
     */
    private static Map<String, Map<String, Object>> tracingExport() {
        String endpoint = System.getenv("MAILSYNC_OTLP_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return Map.of();
        }
        Map<String, Object> export = Map.of("management.tracing.export.otlp.enabled", true,
                "management.opentelemetry.tracing.export.otlp.endpoint", endpoint);
        return MailsyncSystem.SERVICES.stream().collect(java.util.stream.Collectors.toMap(s -> s, s -> export));
    }

    /** One line on the console, and the process ends whatever is still running (broker threads, servers). */
    private static void fail(String line) {
        if (midLine) {
            System.out.println();
        }
        System.err.println("mailsync devstack: " + line);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1); // a shutdown step that hangs must not keep the process either
        });
        System.exit(1);
    }

    /** The credential key is kept with the data: passwords stored encrypted must decrypt after a restart. */
    private static String credentialKey(Path data) throws IOException {
        Path file = data.resolve("credential.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).trim();
    }

    private static void quiet(String... loggers) {
        for (String name : loggers) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.OFF);
            }
        }
    }

    private static void step(String what) {
        midLine = true;
        System.out.print("  starting " + what + " ... ");
        System.out.flush();
    }

    private static void done(String detail) {
        midLine = false;
        System.out.println("ok  " + detail);
    }
}
