package io.mailsync.interop;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mailsync.devstack.MailsyncSystem;
import io.mailsync.devstack.SystemSettings;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.ShutdownOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;

/**
 * The whole mailsync system, started once per test JVM on testkit's embedded Kafka and MongoDB with a topic namespace
 * and databases of its own (as devstack's end-to-end tests start it). The scenarios talk to it only through the
 * gateway, as a third-party client would.
 */
final class RunningMailsync {

    static final String ADMIN = "provisioning";
    private static MailsyncSystem system;
    private static TopicNames topics;

    private RunningMailsync() {
    }

    static synchronized MailsyncSystem get() {
        if (system == null) {
            topics = KafkaKit.newNamespace();
            String unique = UUID.randomUUID().toString().substring(0, 8);
            SystemSettings settings = new SystemSettings(KafkaKit.bootstrapServers(), MongoKit.baseUri(),
                    "interop-" + unique, topics, "-" + unique, "interop",
                    Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes()),
                    JwtKit.shared().publicKeyLocation(), "127.0.0.1", GreenMailKit.smtpPort(),
                    "quota@mailsync.test", 0);
            // Courier has no CONDSTORE: another client's flags and expunges are found by the full comparison, every
            // full-compare-every (60 s in production); the scenarios allow 20 s, so compare every 3 s here. Usage is
            // sampled on connect and then at most every usage-every (60 s): 5 s lets the quota scenario see a change
            system = MailsyncSystem.start(settings, MailsyncSystem.Progress.SILENT, Map.of(
                    "fetcher-service", Map.of("mailsync.fetcher.session.start-stagger", "100ms",
                            "mailsync.fetcher.session.full-compare-every", "3s",
                            "mailsync.fetcher.session.usage-every", "5s"),
                    "api-gateway", Map.of("mailsync.gateway.downstream.timeout", "30s")));
            ShutdownOrder.application(system::close);
            // the first request to a cold sync-service can outlast the gateway's 5 s timeout (503) on a busy
            // machine: wait until it answers before any scenario registers an account
            ApiClient warmUp = admin();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> warmUp.api().answerOnce(() -> warmUp.api().messages.listMessages("a-warm-up", null,
                            null, null, null, null)).status(), status -> status < 500);
        }
        return system;
    }

    /** The system's topic names (a namespace of its own on the shared broker). */
    static TopicNames topics() {
        get();
        return topics;
    }

    /**
     * Lets {@code days} pass for the POP3 retention of one account, as the fetcher measures them: "delete after N
     * days" counts from when the fetcher first saw a UIDL ({@code firstSeen} in its own store, fetcher
     * {@code Retention.dueForDeletion}), never from the message's Date header or the server's clock. Moving that
     * instant back is what N days of waiting would do; nothing else about the account changes.
     */
    static void letDaysPassForPop3Retention(String accountId, int days) {
        // the fetcher's own database, as devstack's MailsyncSystem configured it
        String uri = get().context("fetcher-service").getEnvironment().getRequiredProperty("spring.mongodb.uri");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> uidls = client.getDatabase(new ConnectionString(uri).getDatabase())
                    .getCollection("pop3_uidls");
            Date longAgo = Date.from(Instant.now().minus(Duration.ofDays(days)).minusSeconds(60));
            long moved = uidls.updateMany(Filters.eq("accountId", accountId), Updates.set("firstSeen", longAgo))
                    .getMatchedCount();
            if (moved == 0) {
                throw new AssertionError("the fetcher has no POP3 message of account " + accountId + " on record");
            }
        }
    }

    static ApiClient admin() {
        return new ApiClient(get().gatewayUrl(), JwtKit.shared().token(ADMIN, "accounts.admin", "mail.read"));
    }

    static ApiClient customer(String customerId) {
        return new ApiClient(get().gatewayUrl(),
                JwtKit.shared().token(customerId, "mail.read", "mail.write", "quota.read"));
    }
}
