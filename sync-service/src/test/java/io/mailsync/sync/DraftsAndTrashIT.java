package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrivedLike;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.MoveMessage;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Drafts and a shared Trash (issue 11), against the broker and the MongoDB wire server: a draft saved and replaced by
 * device A is one message (the newest) for device B, B's replace is refused; a trashed message is in Trash for B.
 */
class DraftsAndTrashIT extends SyncIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.mailsync.sync.application.port.out.ContentStore content;

    private String bodyRef;

    private static final String DRAFT = "From: a@example.test\nTo: b@example.test\nSubject: %s\n"
            + "Message-ID: <%s>\n\n%s\n";

    /** A device's request with an RFC 822 body (none when null). */
    private ApiClient.Response send(String method, String customer, String accountId, String path, String device,
                                    String rfc822) {
        return customer(customer).sendAs(device, method, "/api/v1/accounts/" + accountId + path, "message/rfc822",
                rfc822);
    }

    private static List<JsonNode> folder(ApiClient api, String accountId, String folder) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + accountId + "/messages?folder=" + folder);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        response.body().get("messages").forEach(list::add);
        return list;
    }

    @Test
    void aDraftReplacedByItsDeviceIsOneMessageTheNewestAndAnotherDevicesReplaceIsRefused() throws Exception {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient deviceB = customer(customer);
        String header = UUID.randomUUID() + "@example.test";
        String before = messagesOf(deviceB, accountId).get("state").asString();

        ApiClient.Response created = send("POST", customer, accountId, "/drafts", "dev-a",
                DRAFT.formatted("plan", header, "first words"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String draftId = created.body().get("draftId").asString();
        String v1 = created.body().get("message").get("id").asString();
        ApiClient.Response replaced = send("PUT", customer, accountId, "/drafts/" + draftId, "dev-a",
                DRAFT.formatted("plan", header, "first words and more"));
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        String v2 = replaced.body().get("message").get("id").asString();
        ApiClient.Response refused = send("PUT", customer, accountId, "/drafts/" + draftId, "dev-b",
                DRAFT.formatted("plan", header, "B's words"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).as(refused.contentType()).isTrue();
        List<JsonNode> drafts = folder(deviceB, accountId, "Drafts");
        assertThat(drafts).extracting(m -> m.get("id").asString()).containsExactly(v2);
        assertThat(drafts.getFirst().get("keywords").get("$draft").asBoolean()).isTrue();
        JsonNode changes = deviceB.get("/api/v1/accounts/" + accountId + "/changes?since=" + before).body();
        assertThat(changes.get("created").toString()).contains(v2).doesNotContain(v1);
        assertThat(deviceB.get("/api/v1/accounts/" + accountId + "/messages/" + v2 + "/raw").raw())
                .contains("first words and more");
        List<AppendMessage> appends = Broker.awaitAll(topics.commands(), r -> accountId.equals(r.key())
                        && r.value().contains("AppendMessage"), 2, Duration.ofSeconds(20)).stream()
                .map(r -> Broker.decode(r, AppendMessage.class).orElseThrow()).toList();
        assertThat(appends).extracting(AppendMessage::specialUse).containsOnly("\\Drafts");
        assertThat(appends).extracting(AppendMessage::replacesMessageIdHeader)
                .containsExactlyInAnyOrder(null, "<" + header + ">");
        assertThat(send("PUT", customer, accountId, "/drafts/nope", "dev-a", DRAFT.formatted("x", header, "x"))
                .status()).isEqualTo(404);
    }

    @Test
    void aMessageTrashedByOneDeviceIsInTrashForTheOtherAndTheServerIsToldToMoveIt() throws Exception {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient deviceB = customer(customer);
        MessageArrived arrived = MailEvents.imapArrived(accountId, 5, "spam");
        Broker.publish(topics.events(), arrived);
        eventually(() -> assertThat(folder(deviceB, accountId, "INBOX")).hasSize(1));
        String id = folder(deviceB, accountId, "INBOX").getFirst().get("id").asString();
        String before = messagesOf(deviceB, accountId).get("state").asString();

        ApiClient.Response trashed = send("POST", customer, accountId, "/messages/" + id + "/trash", "dev-a", null);

        assertThat(trashed.status()).as(trashed.raw()).isEqualTo(200);
        assertThat(folder(deviceB, accountId, "INBOX")).isEmpty();
        assertThat(folder(deviceB, accountId, "Trash")).extracting(m -> m.get("id").asString()).containsExactly(id);
        assertThat(deviceB.get("/api/v1/accounts/" + accountId + "/changes?since=" + before).body().get("updated")
                .toString()).contains(id);
        MoveMessage move = Broker.decode(Broker.await(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("MoveMessage"), Duration.ofSeconds(20)), MoveMessage.class).orElseThrow();
        assertThat(move.from()).isEqualTo(arrived.locator());
        assertThat(move.toSpecialUse()).isEqualTo("\\Trash");
        // the server's expunge from INBOX after the MOVE changes nothing: it is in Trash
        Broker.publish(topics.events(), MailEvents.expunged(accountId, arrived.locator()));
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 6, "marker"));
        eventually(() -> assertThat(folder(deviceB, accountId, "INBOX")).hasSize(1));
        assertThat(folder(deviceB, accountId, "Trash")).hasSize(1);
        assertThat(send("POST", customer, accountId, "/messages/" + id + "/trash", "dev-a", null).status())
                .isEqualTo(200);
    }

    @Test
    void aReplaceShowsTheOldVersionDestroyedAndTheNewCreatedAndOnlyTheOwnerDiscardsItToTrash() throws Exception {
        String customer = newCustomer();
        Map<String, Object> pop3 = new HashMap<>(imapAccount(customer));
        pop3.put("protocol", "POP3");
        String accountId = register(pop3);
        ApiClient deviceB = customer(customer);
        String header = UUID.randomUUID() + "@example.test";
        ApiClient.Response created = send("POST", customer, accountId, "/drafts", "dev-a",
                DRAFT.formatted("note", header, "v1"));
        String draftId = created.body().get("draftId").asString();
        String v1 = created.body().get("message").get("id").asString();
        String afterV1 = created.body().get("state").asString();

        ApiClient.Response replaced = send("PUT", customer, accountId, "/drafts/" + draftId, "dev-a",
                DRAFT.formatted("note", header, "v2"));

        String v2 = replaced.body().get("message").get("id").asString();
        assertThat(replaced.body().get("version").asInt()).isEqualTo(2);
        JsonNode changes = deviceB.get("/api/v1/accounts/" + accountId + "/changes?since=" + afterV1).body();
        assertThat(changes.get("destroyed").toString()).contains(v1);
        assertThat(changes.get("created").toString()).contains(v2);
        assertThat(folder(deviceB, accountId, "Drafts")).extracting(m -> m.get("id").asString()).containsExactly(v2);
        assertThat(Broker.readAll(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("AppendMessage"))).as("POP3: mailsync keeps drafts").isEmpty();
        // the deleted-mail list is for what the user deleted, not for superseded draft versions
        assertThat(deviceB.get("/api/v1/accounts/" + accountId + "/deleted").raw()).doesNotContain(v1);

        assertThat(send("DELETE", customer, accountId, "/drafts/" + draftId, "dev-b", null).status())
                .isEqualTo(409);
        assertThat(send("DELETE", customer, accountId, "/drafts/" + draftId, "dev-a", null).status())
                .isEqualTo(200);
        assertThat(folder(deviceB, accountId, "Drafts")).isEmpty();
        assertThat(folder(deviceB, accountId, "Trash")).extracting(m -> m.get("id").asString()).containsExactly(v2);
        assertThat(send("PUT", customer, accountId, "/drafts/" + draftId, "dev-a", DRAFT.formatted("n", header, "v3"))
                .status()).isEqualTo(404);
    }

    @Test
    void anImapMessageFinallyExpungedFromTrashIsRestorableFromDeleted() throws Exception {
        String customer = newCustomer();
        Map<String, Object> account = new HashMap<>(imapAccount(customer));
        account.put("storeBodies", true);
        account.put("folders", List.of("INBOX", "Trash"));
        String accountId = register(account);
        ApiClient deviceB = customer(customer);
        String header = "<" + UUID.randomUUID() + "@example.test>";
        bodyRef = content.store(("Message-ID: " + header + "\r\nSubject: old\r\n\r\nkeep\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        MessageLocator inInbox = MessageLocator.imap("INBOX", 7, 11);
        Broker.publish(topics.events(), withHeader(MailEvents.arrived(accountId, inInbox, "old"), header));
        eventually(() -> assertThat(folder(deviceB, accountId, "INBOX")).hasSize(1));
        String id = folder(deviceB, accountId, "INBOX").getFirst().get("id").asString();
        send("POST", customer, accountId, "/messages/" + id + "/trash", "dev-a", null);

        // the fetcher moved it and, watching Trash, announces the server's copy there; then another client empties Trash
        MessageLocator inTrash = MessageLocator.imap("Trash", 9, 3);
        Broker.publish(topics.events(), MailEvents.expunged(accountId, inInbox));
        Broker.publish(topics.events(), withHeader(MailEvents.arrived(accountId, inTrash, "old"), header));
        Broker.publish(topics.events(), MailEvents.expunged(accountId, inTrash));

        eventually(() -> assertThat(deviceB.get("/api/v1/accounts/" + accountId + "/deleted").raw()).contains(id));
        assertThat(folder(deviceB, accountId, "Trash")).isEmpty();
        assertThat(deviceB.send("POST", "/api/v1/accounts/" + accountId + "/deleted/" + id + "/restore",
                "application/json", body(Map.of())).status())
                .isEqualTo(200);
        assertThat(folder(deviceB, accountId, "Trash")).extracting(m -> m.get("id").asString()).containsExactly(id);
    }

    private MessageArrived withHeader(MessageArrived e, String header) {
        return aMessageArrivedLike(e).withMessageIdHeader(header).withContentRef(bodyRef).build();
    }

    @Test
    void aPop3MessageTrashedIsInTrashForEveryDeviceWithoutAServerCommand() throws Exception {
        String customer = newCustomer();
        Map<String, Object> pop3 = new HashMap<>(imapAccount(customer));
        pop3.put("protocol", "POP3");
        String accountId = register(pop3);
        ApiClient deviceB = customer(customer);
        Broker.publish(topics.events(), MailEvents.arrived(accountId, MessageLocator.pop3("u-1"), "old news"));
        eventually(() -> assertThat(folder(deviceB, accountId, "INBOX")).hasSize(1));
        String id = folder(deviceB, accountId, "INBOX").getFirst().get("id").asString();

        assertThat(send("POST", customer, accountId, "/messages/" + id + "/trash", "dev-a", null).status())
                .isEqualTo(200);

        assertThat(folder(deviceB, accountId, "Trash")).extracting(m -> m.get("id").asString()).containsExactly(id);
        assertThat(Broker.readAll(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("MoveMessage"))).isEmpty();
    }
}
