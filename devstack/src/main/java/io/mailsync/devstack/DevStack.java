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
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code ./mailsync devstack}: the whole system in one JVM. Data lives under {@code devstack-data/} (override with
 * {@code MAILSYNC_DATA}), so a second start finds its accounts, messages and read state again. Ctrl-C stops it.
 */
public final class DevStack {

    static final String DEMO_CUSTOMER = "demo-customer";
    static final int GATEWAY_PORT = 8080;
    static final String SIGNING_KEY = "auth-signing-key.jwk";

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getenv().getOrDefault("MAILSYNC_DATA", "devstack-data")).toAbsolutePath();
        Files.createDirectories(data);
        // before the first logger exists: the console keeps to progress and warnings, the rest goes to a file
        System.setProperty("MAILSYNC_LOG_FILE", data.resolve("devstack.log").toString());
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        LoggerFactory.getLogger(DevStack.class); // logback reads it now, for the broker's logs before any service
        // one logging set-up for the JVM: four services re-initialising it in turn would drop lines in between
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger(); // Tomcat logs through java.util.logging:
        org.slf4j.bridge.SLF4JBridgeHandler.install();                     // into the same file, as Boot would do
        long started = System.nanoTime();

        // infrastructure steps run last-registered first: this one after the broker, database and mail server
        ShutdownOrder.infrastructure(() -> System.out.println("mailsync devstack: stopped"));
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
        });

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
            quiet("org.apache.kafka", "kafka");
            system.close();
        });

        System.out.printf("""

                mailsync devstack is up in %d s
                  gateway   %s
                  OpenAPI   %s/v3/api-docs   (UI: %s/swagger-ui.html)
                  accounts  %s
                  mail      IMAP localhost:%d, POP3 localhost:%d, SMTP localhost:%d (users alice, bob, carol; password %s)
                  quota mail to notices@demo.test (IMAP login notices / %s)
                  data      %s   (log: devstack.log)
                  auth      %s   (OAuth2 authorization server: clients %s, %s, %s; customer logins demo, other)
                  token     export TOKEN=$(curl -s -u %s:%s -d grant_type=client_credentials \\
                              -d 'scope=mail.read mail.write quota.read' %s/oauth2/token | jq -r .access_token)
                            (a partner's back end acting for customer %s; README: the admin token, an app's sign-in)

                  try:      curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/accounts
                Ctrl-C stops everything; the next start reuses the data.
                """,
                (System.nanoTime() - started) / 1_000_000_000, system.gatewayUrl(), system.gatewayUrl(),
                system.gatewayUrl(), accounts.summary(), DemoMailboxes.IMAP, DemoMailboxes.POP3, DemoMailboxes.SMTP,
                DemoMailboxes.PASSWORD, DemoMailboxes.PASSWORD, data, auth.url(), AuthorizationServer.PARTNER,
                AuthorizationServer.PROVISIONING, AuthorizationServer.APP, AuthorizationServer.PARTNER,
                AuthorizationServer.PARTNER_SECRET, auth.url(), DEMO_CUSTOMER, system.gatewayUrl());
        new CountDownLatch(1).await();
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
        System.out.print("  starting " + what + " ... ");
        System.out.flush();
    }

    private static void done(String detail) {
        System.out.println("ok  " + detail);
    }
}
