package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MailText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What devstack promises across Ctrl-C (issue 7): a second start on the same data directory finds its accounts,
 * messages and read state, opens the sessions again, and takes new mail — although the embedded broker starts empty
 * (its topics are rebuilt: sync-service republishes every account) and the demo mail server starts afresh (a new
 * UIDVALIDITY: one silent rebuild that keeps each message's id and read state, not a second copy of every message).
 */
class DevStackRestartIT {

    private static final Duration WITHIN = Duration.ofSeconds(40);
    /** A fixed Date header, as devstack's demo mail has: the rebuild re-matches by Message-ID, size and date. */
    private static final String DATE = "Mon, 2 Nov 2026 09:00:00 +0000";

    @TempDir
    Path data;

    @Test
    void aSecondStartOnTheSameDataKeepsMessagesAndReadStateAndTakesNewMail() {
        String credentialKey = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes());
        Path mongoFile = data.resolve("mongo.mv.db");
        MailUser user = GreenMailKit.newUser("restart");
        String kept = "<kept-" + UUID.randomUUID() + "@restart.test>";
        String deleted = "<deleted-" + UUID.randomUUID() + "@restart.test>";
        String customer = "cust-" + UUID.randomUUID();

        String accountId;
        String keptId;
        try (Running first = Running.start(mongoFile, credentialKey)) {
            accountId = first.admin().registerAccount(customer, "IMAP", GreenMailKit.imapPort(), user.login(),
                    user.password());
            ApiClient api = first.customer(customer);
            deliver(user, kept, "Kept across the restart");
            deliver(user, deleted, "Gone while mailsync was down");
            await().atMost(WITHIN).until(() -> api.messages(accountId).size() == 2);
            keptId = api.messageByHeader(accountId, kept).path("id").asString();
            String phone = api.registerDevice(accountId, "phone");
            api.keywords(accountId, keptId, phone, Map.of("$seen", true));
        }

        // while mailsync is down the mail server starts afresh, as devstack's GreenMail does: new UIDVALIDITY,
        // the kept message delivered again, the other one not
        GreenMailUser mailbox = GreenMailKit.server().getUserManager().getUser(user.login());
        GreenMailKit.server().getUserManager().deleteUser(mailbox);
        GreenMailKit.server().setUser(user.address(), user.login(), user.password());
        deliver(user, kept, "Kept across the restart");

        try (Running second = Running.start(mongoFile, credentialKey)) {
            ApiClient api = second.customer(customer);
            String fresh = "<fresh-" + UUID.randomUUID() + "@restart.test>";
            deliver(user, fresh, "New mail after the restart");

            await().atMost(WITHIN).untilAsserted(() -> assertThat(api.messages(accountId))
                    .extracting(m -> m.path("messageIdHeader").asString())
                    .containsExactlyInAnyOrder(kept, fresh));
            JsonNode keptNow = api.messageByHeader(accountId, kept);
            assertThat(keptNow.path("id").asString()).as("same id after the rebuild").isEqualTo(keptId);
            assertThat(keptNow.path("keywords").path("$seen").asBoolean()).as("read state kept").isTrue();
            await().atMost(WITHIN).until(() -> api.status(accountId), "IDLE"::equals);
        }
    }

    private static void deliver(MailUser user, String messageId, String subject) {
        String text = MailText.withMessageId(messageId, "ann@sender.test", user.address(), subject, "body of " + subject)
                .replaceFirst("(?m)^Date: .*$", "Date: " + DATE);
        DemoMailboxes.deliverText(GreenMailKit.server().getUserManager().getUser(user.login()), text);
    }

    /** One run of the system: a file-backed MongoDB wire server and a broker namespace that starts empty. */
    private record Running(MongoServer mongo, MailsyncSystem system) implements AutoCloseable {

        static Running start(Path mongoFile, String credentialKey) {
            MongoServer mongo = new MongoServer(new H2Backend(mongoFile.toString()));
            mongo.enableOplog();
            mongo.bind("127.0.0.1", 0);
            int port = mongo.getLocalAddress().getPort();
            TopicNames topics = KafkaKit.newNamespace();
            SystemSettings settings = new SystemSettings(KafkaKit.bootstrapServers(), "mongodb://127.0.0.1:" + port,
                    "restart", topics, "-" + UUID.randomUUID().toString().substring(0, 8), "restart", credentialKey,
                    JwtKit.shared().publicKeyLocation(), "127.0.0.1", GreenMailKit.smtpPort(), "quota@mailsync.test", 0);
            try {
                return new Running(mongo, MailsyncSystem.start(settings, MailsyncSystem.Progress.SILENT, Map.of(
                        "fetcher-service", Map.of("mailsync.fetcher.session.start-stagger", "100ms"),
                        "api-gateway", Map.of("mailsync.gateway.downstream.timeout", "30s"))));
            } catch (RuntimeException e) {
                mongo.shutdownNow();
                throw e;
            }
        }

        ApiClient admin() {
            return new ApiClient(system.gatewayUrl(), JwtKit.shared().token(RunningSystem.ADMIN, "accounts.admin",
                    "mail.read"));
        }

        ApiClient customer(String customer) {
            return new ApiClient(system.gatewayUrl(), JwtKit.shared().token(customer, "mail.read", "mail.write",
                    "quota.read"));
        }

        @Override
        public void close() {
            system.close();
            mongo.shutdownNow();
        }
    }
}
