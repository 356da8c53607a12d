package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static io.mailsync.testkit.builders.MessageExpungedBuilder.aMessageExpunged;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.sync.application.PurgeDeletedMessages;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Deleted mail recoverable for 14 days (issue 11), against the broker and the MongoDB wire server. */
class DeletedMailIT extends SyncIntegrationTest {

    private static final String BODY = "Message-ID: <%s>\r\nSubject: keep me\r\n\r\nimportant\r\n";

    @Autowired
    SettableClock clock;

    @Autowired
    PurgeDeletedMessages purge;

    @Autowired
    ContentStore content;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Bodies go through the service's own content-store adapter, as the fetcher's would (ADR 0002). */
    private String storeBody(String rfc822) {
        return content.store(rfc822.getBytes(StandardCharsets.UTF_8));
    }

    private boolean stored(String contentRef) {
        return content.open(contentRef).isPresent();
    }

    private static MessageArrived arrived(String accountId, MessageLocator locator, String header, String ref) {
        return aMessageArrived().forAccount(accountId).at(locator).withSubject("keep me").withFlags("$flagged")
                .withMessageIdHeader(header).withContentRef(ref).build();
    }

    private static Map<String, Object> withBodies(Map<String, Object> account) {
        Map<String, Object> body = new HashMap<>(account);
        body.put("storeBodies", true);
        return body;
    }

    private String deletedIds(ApiClient api, String accountId) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + accountId + "/deleted");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        StringBuilder ids = new StringBuilder();
        response.body().get("messages").forEach(m -> ids.append(m.get("message").get("id").asString()).append(' '));
        return ids.toString().trim();
    }

    @Test
    void anImapMessageDeletedByAnotherClientIsListedRestoredAndKeepsItsIdWhenTheCopyArrives() {
        String customer = newCustomer();
        String accountId = register(withBodies(imapAccount(customer)));
        ApiClient owner = customer(customer);
        String header = UUID.randomUUID() + "@mailsync.test";
        String ref = storeBody(BODY.formatted(header));
        MessageLocator original = MessageLocator.imap("INBOX", 7, 1);
        Broker.publish(topics.events(), arrived(accountId, original, "<" + header + ">", ref));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1));
        String id = messagesOf(owner, accountId).get("messages").get(0).get("id").asString();

        Instant deletedAt = Instant.now();
        Broker.publish(topics.events(), aMessageExpunged().forAccount(accountId).occurredAt(deletedAt)
                .causedBy(Origin.server()).at(original).build());
        eventually(() -> assertThat(deletedIds(owner, accountId)).isEqualTo(id));
        assertThat(messagesOf(owner, accountId).get("messages")).isEmpty();
        String afterDeletion = messagesOf(owner, accountId).get("state").asString();

        ApiClient.Response restored = owner.sendAs("dev-a", "POST", restore(accountId, id), "application/json", "");

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        AppendMessage append = Broker.decode(Broker.await(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("AppendMessage"), Duration.ofSeconds(20)), AppendMessage.class).orElseThrow();
        assertThat(append.folder()).isEqualTo("INBOX");
        assertThat(append.contentRef()).isEqualTo(ref);
        assertThat(append.flags()).containsExactly("$flagged");
        assertThat(append.origin()).isEqualTo(Origin.device("dev-a"));
        // every device sees it again at once: listed, and created since the state after the deletion
        assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1);
        JsonNode changes = owner.get("/api/v1/accounts/" + accountId + "/changes?since=" + afterDeletion).body();
        assertThat(changes.get("created").toString()).contains(id);
        assertThat(deletedIds(owner, accountId)).isEmpty();

        // the fetcher APPENDs; the copy arrives under a new UID and is the same message to the devices
        Broker.publish(topics.events(), arrived(accountId, MessageLocator.imap("INBOX", 7, 2), "<" + header + ">",
                null));
        // and a replay of the old deletion changes nothing
        Broker.publish(topics.events(), aMessageExpunged().forAccount(accountId).occurredAt(deletedAt)
                .causedBy(Origin.server()).at(original).build());
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 3, "marker"));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(2));
        JsonNode messages = messagesOf(owner, accountId).get("messages");
        assertThat(messages.toString()).contains(id);
        assertThat(owner.get("/api/v1/accounts/" + accountId + "/messages/" + id).body().get("message")
                .get("keywords").has("$flagged")).isTrue();
    }

    @Test
    void afterTheWindowTheDeletedMessageIsGoneItsBodyPurgedAndRestoreAnswers410() {
        String customer = newCustomer();
        String accountId = register(pop3(customer, "KEEP"));
        ApiClient owner = customer(customer);
        String header = UUID.randomUUID() + "@mailsync.test";
        String ref = storeBody(BODY.formatted(header));
        MessageLocator uidl = MessageLocator.pop3("UIDL-" + UUID.randomUUID());
        Broker.publish(topics.events(), arrived(accountId, uidl, "<" + header + ">", ref));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1));
        String id = messagesOf(owner, accountId).get("messages").get(0).get("id").asString();
        // another POP3 client downloaded and deleted it: for the user, deleted
        Broker.publish(topics.events(), MailEvents.expunged(accountId, uidl));
        eventually(() -> assertThat(deletedIds(owner, accountId)).isEqualTo(id));

        clock.advance(Duration.ofDays(14).plusMinutes(1));

        assertThat(deletedIds(owner, accountId)).isEmpty();
        ApiClient.Response late = owner.send("POST", restore(accountId, id), "application/json", "");
        assertThat(late.status()).as(late.toString()).isEqualTo(410);
        assertThat(late.isProblem()).isTrue();
        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(stored(ref)).isFalse();
        clock.reset();
        assertThat(owner.send("POST", restore(accountId, id), "application/json", "").status())
                .isEqualTo(410);
        assertThat(deletedIds(owner, accountId)).isEmpty();
    }

    @Test
    void aPop3MessageDeletedByAnotherClientIsRestoredForEveryDevice() {
        String customer = newCustomer();
        String accountId = register(pop3(customer, "KEEP"));
        ApiClient owner = customer(customer);
        MessageLocator uidl = MessageLocator.pop3("UIDL-" + UUID.randomUUID());
        Broker.publish(topics.events(), arrived(accountId, uidl, "<p-" + UUID.randomUUID() + ">",
                storeBody("Subject: a\r\n\r\na\r\n")));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(1));
        String id = messagesOf(owner, accountId).get("messages").get(0).get("id").asString();
        Broker.publish(topics.events(), MailEvents.expunged(accountId, uidl));
        eventually(() -> assertThat(deletedIds(owner, accountId)).isEqualTo(id));
        String afterDeletion = messagesOf(owner, accountId).get("state").asString();

        ApiClient.Response restored = owner.send("POST", restore(accountId, id), "application/json", "");

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(messagesOf(owner, accountId).get("messages").get(0).get("id").asString()).isEqualTo(id);
        assertThat(owner.get("/api/v1/accounts/" + accountId + "/changes?since=" + afterDeletion).body()
                .get("created").toString()).contains(id);
        assertThat(owner.get("/api/v1/accounts/" + accountId + "/messages/" + id + "/raw").status()).isEqualTo(200);
        assertThat(Broker.readAll(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("AppendMessage"))).isEmpty();
    }

    @Test
    void aPop3MessageTakenOffTheServerByRetentionWasNeverDeletedForTheUser() {
        String customer = newCustomer();
        String accountId = register(pop3(customer, "DELETE_AFTER_FETCH"));
        ApiClient owner = customer(customer);
        MessageLocator uidl = MessageLocator.pop3("UIDL-" + UUID.randomUUID());
        Broker.publish(topics.events(), arrived(accountId, uidl, "<r-" + UUID.randomUUID() + ">",
                storeBody("Subject: r\r\n\r\nr\r\n")));
        Broker.await(topics.commands(), r -> accountId.equals(r.key()) && r.value().contains("DeleteFromServer"),
                Duration.ofSeconds(20));

        Broker.publish(topics.events(), MailEvents.expunged(accountId, uidl));
        Broker.publish(topics.events(), arrived(accountId, MessageLocator.pop3("UIDL-marker-" + UUID.randomUUID()),
                "<m-" + UUID.randomUUID() + ">", null));

        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(2));
        assertThat(deletedIds(owner, accountId)).isEmpty();
    }

    private static Map<String, Object> pop3(String customer, String retention) {
        Map<String, Object> pop3 = new HashMap<>(imapAccount(customer));
        pop3.put("protocol", "POP3");
        pop3.put("port", 995);
        pop3.put("retention", Map.of("policy", retention));
        return pop3;
    }

    private static String restore(String accountId, String id) {
        return "/api/v1/accounts/" + accountId + "/deleted/" + id + "/restore";
    }
}
