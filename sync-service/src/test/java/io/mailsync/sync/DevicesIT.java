package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One read state across devices: keyword deltas, read-wins for stale offline edits, IMAP write-back. */
class DevicesIT extends SyncIntegrationTest {

    private record Mailbox(String customer, String accountId, ApiClient api, String deviceA, String deviceB,
                           String messageId, MessageArrived arrived) {
        String path() {
            return "/api/v1/accounts/" + accountId;
        }
    }

    private Mailbox mailbox(String protocol) {
        String customer = newCustomer();
        Map<String, Object> body = imapAccount(customer);
        MessageLocator locator = MessageLocator.imap("INBOX", 7, 1);
        if (protocol.equals("POP3")) {
            body.put("protocol", "POP3");
            locator = MessageLocator.pop3("uidl-" + customer);
        }
        String accountId = register(body);
        ApiClient api = customer(customer);
        String a = device(api, accountId, "phone");
        String b = device(api, accountId, "laptop");
        MessageArrived arrived = MailEvents.arrived(accountId, locator, "hello");
        Broker.publish(topics.events(), arrived);
        eventually(() -> assertThat(messagesOf(api, accountId).get("messages")).hasSize(1));
        String messageId = messagesOf(api, accountId).get("messages").get(0).get("id").asString();
        return new Mailbox(customer, accountId, api, a, b, messageId, arrived);
    }

    private static String device(ApiClient api, String accountId, String name) {
        ApiClient.Response created = api.post("/api/v1/accounts/" + accountId + "/devices", json(Map.of("name", name)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("deviceId").asString();
    }

    private static ApiClient.Response patch(Mailbox box, String device, Map<String, Object> body) {
        return box.api().patch(box.path() + "/messages/" + box.messageId(), device, body(body));
    }

    private static String state(Mailbox box) {
        return messagesOf(box.api(), box.accountId()).get("state").asString();
    }

    @Test
    void deviceAReadsAndDeviceBSeesItAndTheImapServerIsAskedToSetSeen() {
        Mailbox box = mailbox("IMAP");
        String before = state(box);

        ApiClient.Response read = patch(box, box.deviceA(), Map.of("keywords", Map.of("$seen", true)));

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("message").get("keywords").get("$seen").asBoolean()).isTrue();
        String after = read.body().get("state").asString();
        JsonNode changes = box.api().sendAs(box.deviceB(), "GET", box.path() + "/changes?since=" + before, null, null)
                .body();
        assertThat(changes.get("updated").get(0).asString()).isEqualTo(box.messageId());
        assertThat(changes.get("newState").asString()).isEqualTo(after);

        ConsumerRecord<String, String> command = Broker.await(topics.commands(),
                r -> box.accountId().equals(r.key()) && Broker.decode(r, SetFlags.class).isPresent(),
                Duration.ofSeconds(20));
        SetFlags setFlags = Broker.decode(command, SetFlags.class).orElseThrow();
        assertThat(setFlags.add()).containsExactly("$seen");
        assertThat(setFlags.remove()).isEmpty();
        assertThat(setFlags.origin()).isEqualTo(Origin.device(box.deviceA()));
        assertThat(setFlags.locator()).isEqualTo(box.arrived().locator());

        JsonNode details = box.api().get(box.path() + "/messages/" + box.messageId()).body();
        assertThat(details.get("devices").toString()).contains(box.deviceA()).contains("readAt");
        JsonNode deviceB = box.api().get(box.path() + "/devices/" + box.deviceB()).body();
        assertThat(deviceB.get("acknowledgedState").asString()).isEqualTo(before);
        assertThat(deviceB.get("name").asString()).isEqualTo("laptop");
    }

    @Test
    void theServersEchoOfAWriteBackDoesNotCreateASecondChange() {
        Mailbox box = mailbox("IMAP");
        String after = patch(box, box.deviceA(), Map.of("keywords", Map.of("$seen", true))).body().get("state")
                .asString();
        patch(box, box.deviceB(), Map.of("keywords", Map.of("$seen", false))); // B marks it unread again, live

        Broker.publish(topics.events(), MailEvents.flagsChanged(box.accountId(), box.arrived().locator(),
                Origin.device(box.deviceA()), Set.of("$seen"), Set.of()));
        Broker.publish(topics.events(), MailEvents.imapArrived(box.accountId(), 99, "marker"));

        eventually(() -> assertThat(messagesOf(box.api(), box.accountId()).get("messages")).hasSize(2));
        long modseqAfterA = Long.parseLong(after.split("-")[1]);
        // B's unread (+1) and the marker (+1); the echo of A's write-back added nothing and did not re-read it
        assertThat(state(box)).isEqualTo("1-" + (modseqAfterA + 2));
        JsonNode message = box.api().get(box.path() + "/messages/" + box.messageId()).body().get("message");
        assertThat(message.get("keywords").has("$seen")).isFalse();
    }

    @Test
    void aStaleOfflineUnreadLosesToARead() {
        Mailbox box = mailbox("IMAP");
        String offlineBase = state(box); // B synced here, then went offline
        patch(box, box.deviceA(), Map.of("keywords", Map.of("$seen", true)));
        String afterRead = state(box);

        ApiClient.Response stale = patch(box, box.deviceB(),
                Map.of("keywords", Map.of("$seen", false, "$flagged", true), "baseState", offlineBase));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
        JsonNode keywords = stale.body().get("message").get("keywords");
        assertThat(keywords.get("$seen").asBoolean()).as("read wins").isTrue();
        assertThat(keywords.get("$flagged").asBoolean()).as("the rest of the edit applies").isTrue();

        ApiClient.Response live = patch(box, box.deviceB(), Map.of("keywords", Map.of("$seen", false),
                "baseState", state(box)));
        assertThat(live.body().get("message").get("keywords").has("$seen")).as("a live unread applies").isFalse();
        assertThat(afterRead).isNotEqualTo(state(box));
    }

    @Test
    void aConditionalEditOnAStaleStateIs412() {
        Mailbox box = mailbox("IMAP");
        String base = state(box);
        patch(box, box.deviceA(), Map.of("keywords", Map.of("$flagged", true)));

        ApiClient.Response conditional = box.api().sendWith(Map.of("X-Device-Id", box.deviceB(), "If-Match",
                "\"" + base + "\""), "PATCH", box.path() + "/messages/" + box.messageId(), "application/json",
                body(Map.of("keywords", Map.of("$seen", true))));

        assertThat(conditional.status()).isEqualTo(412);
        assertThat(conditional.isProblem()).isTrue();
    }

    @Test
    void aPop3ReadIsSharedWithoutWritingBackToTheServer() {
        Mailbox box = mailbox("POP3");
        String before = state(box);

        patch(box, box.deviceA(), Map.of("keywords", Map.of("$seen", true)));

        JsonNode changes = box.api().get(box.path() + "/changes?since=" + before).body();
        assertThat(changes.get("updated").get(0).asString()).isEqualTo(box.messageId());
        JsonNode onB = box.api().sendAs(box.deviceB(), "GET", box.path() + "/messages", null, null).body();
        assertThat(onB.get("messages").get(0).get("keywords").get("$seen").asBoolean()).isTrue();
        assertThat(Broker.readAll(topics.commands(), r -> box.accountId().equals(r.key())
                && Broker.decode(r, SetFlags.class).isPresent())).isEmpty();
    }

    @Test
    void badEditsAreProblemsNot500s() {
        Mailbox box = mailbox("IMAP");
        String message = box.path() + "/messages/" + box.messageId();
        Map<String, Object> read = Map.of("keywords", Map.of("$seen", true));

        List<ApiClient.Response> bad = List.of(
                box.api().patch(message, null, body(read)),
                box.api().patch(message, box.deviceA(), body(Map.of("keywords", Map.of()))),
                box.api().patch(message, box.deviceA(), body(Map.of("keywords", Map.of("bad keyword", true)))),
                box.api().patch(message, box.deviceA(), "{not json"),
                box.api().patch(message, box.deviceA(), body(Map.of("keywords", Map.of("$seen", "maybe")))),
                box.api().patch(message, box.deviceA(),
                        body(Map.of("keywords", Map.of("$seen", true), "baseState", "x"))),
                box.api().get(box.path() + "/messages?limit=0"),
                box.api().get(box.path() + "/messages?cursor=zzz"),
                box.api().post(box.path() + "/devices", json(Map.of("name", ""))));
        bad.forEach(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.isProblem()).as(r.toString()).isTrue();
        });
        // an X-Device-Id that cannot be a device id is bad input, wherever it is sent (issue 21, ADR 0012)
        String tooLong = "d".repeat(201);
        List.of(box.api().patch(message, tooLong, body(read)),
                box.api().sendAs(tooLong, "GET", box.path() + "/changes?since=1-0", null, null),
                box.api().sendAs(tooLong, "POST", message + "/trash", null, null)).forEach(r -> {
                    assertThat(r.status()).as(r.toString()).isEqualTo(400);
                    assertThat(r.body().get("detail").asString())
                            .isEqualTo("X-Device-Id: a device id is 1 to 200 characters, not blank");
                });
        ApiClient.Response unknownDevice = box.api().patch(message, "d-unknown", body(read));
        ApiClient.Response unknownMessage = box.api().patch(box.path() + "/messages/Mnope", box.deviceA(), body(read));
        assertThat(unknownDevice.status()).isEqualTo(404);
        assertThat(unknownMessage.status()).isEqualTo(404);
        assertThat(unknownMessage.isProblem()).isTrue();
    }
}
