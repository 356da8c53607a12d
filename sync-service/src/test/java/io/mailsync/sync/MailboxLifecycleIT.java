package io.mailsync.sync;

import static io.mailsync.testkit.builders.AccountStatusChangedBuilder.anAccountStatusChange;
import static io.mailsync.testkit.builders.FolderResetBuilder.aFolderReset;
import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrivedLike;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.DeleteFromServer;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.MongoKit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Account status, folder resets, the POP3 retention hand-off and message bodies from the content store. */
class MailboxLifecycleIT extends SyncIntegrationTest {

    private static String storeBody(String rfc822) {
        try (MongoClient client = MongoClients.create(MongoKit.baseUri())) {
            return "gridfs:" + GridFSBuckets.create(client.getDatabase("mailsync-content-it"), "messages")
                    .uploadFromStream("message.eml", new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)))
                    .toHexString();
        }
    }

    private static MessageArrived withContent(MessageArrived e, String contentRef) {
        return aMessageArrivedLike(e).withContentRef(contentRef).build();
    }

    @Test
    void theAccountShowsTheFetchersLatestStatus() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        Instant now = Instant.now();

        Broker.publish(topics.events(), anAccountStatusChange().forAccount(accountId).occurredAt(now)
                .to(AccountStatusChanged.Status.IDLE, null).build());
        Broker.publish(topics.events(), anAccountStatusChange().forAccount(accountId).occurredAt(now.minusSeconds(60))
                .to(AccountStatusChanged.Status.AUTH_FAILED, "late, older event").build());
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 1, "marker"));

        ApiClient owner = customer(customer);
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1));
        JsonNode account = owner.get("/api/v1/accounts/" + accountId).body();
        assertThat(account.get("status").asString()).isEqualTo("IDLE");
        assertThat(owner.get("/api/v1/accounts").raw()).contains("\"status\":\"IDLE\"");
    }

    @Test
    void aRebuiltMessageKeepsItsIdAndItsReadStateAcrossAFolderReset() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient owner = customer(customer);
        String device = owner.post("/api/v1/accounts/" + accountId + "/devices", json(Map.of())).body().get("deviceId")
                .asString();
        MessageArrived original = MailEvents.imapArrived(accountId, 1, "survivor");
        Broker.publish(topics.events(), original);
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1));
        String id = messagesOf(owner, accountId).get("messages").get(0).get("id").asString();
        owner.patch("/api/v1/accounts/" + accountId + "/messages/" + id, device,
                body(Map.of("keywords", Map.of("$seen", true))));
        String beforeReset = messagesOf(owner, accountId).get("state").asString();

        Broker.publish(topics.events(), aFolderReset().forAccount(accountId).inFolder("INBOX").from(7L).to(8).build());
        Broker.publish(topics.events(), aMessageArrivedLike(original).withEventId(UUID.randomUUID())
                .occurredAt(Instant.now()).at(MessageLocator.imap("INBOX", 8, 40)).withFlags().asRebuild().build());
        Broker.publish(topics.events(), MailEvents.arrived(accountId, MessageLocator.imap("INBOX", 8, 41), "new"));

        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(2));
        JsonNode messages = messagesOf(owner, accountId).get("messages");
        JsonNode survivor = messages.get(1);
        assertThat(survivor.get("id").asString()).isEqualTo(id);
        assertThat(survivor.get("keywords").get("$seen").asBoolean()).isTrue();
        assertThat(owner.get("/api/v1/accounts/" + accountId + "/changes?since=" + beforeReset).status())
                .isEqualTo(410);
        assertThat(messagesOf(owner, accountId).get("state").asString()).startsWith("2-");
    }

    @Test
    void aPop3MessageIsHandedOffForDeletionOnlyOnceStoredAndStaysReadableAfterwards() {
        String customer = newCustomer();
        Map<String, Object> body = imapAccount(customer);
        body.put("protocol", "POP3");
        body.put("retention", Map.of("policy", "DELETE_AFTER_FETCH"));
        body.put("storeBodies", true);
        String accountId = register(body);
        ApiClient owner = customer(customer);
        String rfc822 = MailText.simple("alice@example.test", "bob@example.test", "keep me", "the body");
        MessageArrived arrived = withContent(MailEvents.arrived(accountId, MessageLocator.pop3("u-1"), "keep me"),
                storeBody(rfc822));

        Broker.publish(topics.events(), arrived);

        ConsumerRecord<String, String> command = Broker.await(topics.commands(),
                r -> accountId.equals(r.key()) && Broker.decode(r, DeleteFromServer.class).isPresent(),
                Duration.ofSeconds(20));
        // never earlier: by the time the command exists, the message is stored
        assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1);
        DeleteFromServer delete = Broker.decode(command, DeleteFromServer.class).orElseThrow();
        assertThat(delete.locator()).isEqualTo(MessageLocator.pop3("u-1"));
        assertThat(delete.notBefore()).isNull();

        Broker.publish(topics.events(), MailEvents.expunged(accountId, MessageLocator.pop3("u-1")));
        Broker.publish(topics.events(), MailEvents.arrived(accountId, MessageLocator.pop3("u-2"), "marker"));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(2));
        String id = messagesOf(owner, accountId).get("messages").get(1).get("id").asString();
        ApiClient.Response raw = owner.get("/api/v1/accounts/" + accountId + "/messages/" + id + "/raw");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType()).startsWith("message/rfc822");
        assertThat(raw.raw()).contains("Subject: keep me").contains("the body");
    }

    @Test
    void deleteAfterDaysWaitsAndKeepNeverDeletes() {
        String customer = newCustomer();
        Map<String, Object> later = imapAccount(customer);
        later.put("protocol", "POP3");
        later.put("retention", Map.of("policy", "DELETE_AFTER_DAYS", "days", 14));
        String laterId = register(later);
        Map<String, Object> keep = imapAccount(customer);
        keep.put("protocol", "POP3");
        String keepId = register(keep);
        MessageArrived arrived = MailEvents.arrived(laterId, MessageLocator.pop3("u-1"), "later");

        Broker.publish(topics.events(), MailEvents.arrived(keepId, MessageLocator.pop3("u-1"), "kept"));
        Broker.publish(topics.events(), arrived);

        DeleteFromServer delete = Broker.decode(Broker.await(topics.commands(), r -> laterId.equals(r.key()),
                Duration.ofSeconds(20)), DeleteFromServer.class).orElseThrow();
        assertThat(delete.notBefore()).isEqualTo(arrived.receivedAt().plus(Duration.ofDays(14)));
        eventually(() -> assertThat(messagesOf(customer(customer), keepId).get("messages")).hasSize(1));
        assertThat(Broker.readAll(topics.commands(), r -> keepId.equals(r.key()))).isEmpty();
    }

    @Test
    void aBodyThatWasNotStoredIsAskedOfTheMailboxOwnerAndNoAnswerIsA503() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient owner = customer(customer);
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 1, "headers only"));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1));
        String id = messagesOf(owner, accountId).get("messages").get(0).get("id").asString();

        ApiClient.Response raw = owner.get("/api/v1/accounts/" + accountId + "/messages/" + id + "/raw");
        ApiClient.Response missing = owner.get("/api/v1/accounts/" + accountId + "/messages/Mmissing/raw");

        // issue 20: no longer a 404 "not stored" — the owning fetcher is asked (none runs here), BodyOnDemandIT
        assertThat(raw.status()).isEqualTo(503);
        assertThat(raw.isProblem()).isTrue();
        assertThat(raw.body().get("detail").asString()).contains("did not answer in time");
        assertThat(missing.status()).isEqualTo(404);
        JsonNode details = owner.get("/api/v1/accounts/" + accountId + "/messages/" + id).body();
        assertThat(details.get("message").get("subject").asString()).isEqualTo("headers only");
    }
}
