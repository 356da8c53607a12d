package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.SetFlags;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23: two people on one mailbox with private read state each see their own unread mail and their own
 * {@code /changes}, while {@code \Flagged} is shared; only the owner's reading reaches the server's {@code \Seen}; the
 * owner's audit trail names who changed what, with which device.
 */
class PrivateReadStateIT extends SyncIntegrationTest {

    private static final MessageLocator FIRST = MessageLocator.imap("INBOX", 7, 1);
    private static final MessageLocator SECOND = MessageLocator.imap("INBOX", 7, 2);

    private record Family(String accountId, ApiClient owner, ApiClient bob, String ownerPhone, String bobPhone,
                          Map<MessageLocator, String> ids) {
        String path() {
            return "/api/v1/accounts/" + accountId;
        }

        String first() {
            return ids.get(FIRST);
        }

        String second() {
            return ids.get(SECOND);
        }
    }

    private Family family() {
        String ownerId = newCustomer();
        String bobId = newCustomer();
        String accountId = register(imapAccount(ownerId));
        ApiClient owner = customer(ownerId);
        Broker.publish(topics.events(), MailEvents.arrived(accountId, FIRST, "first"));
        Broker.publish(topics.events(), MailEvents.arrived(accountId, SECOND, "second"));
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(2));
        Map<MessageLocator, String> ids = new HashMap<>();
        for (JsonNode m : messagesOf(owner, accountId).get("messages")) {
            ids.put(m.get("subject").asString().equals("first") ? FIRST : SECOND, m.get("id").asString());
        }
        ApiClient.Response granted = owner.post("/api/v1/accounts/" + accountId + "/grants", json(map("person", bobId,
                "scopes", List.of("read", "write", "manage-devices"))));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        ApiClient bob = customer(bobId);
        return new Family(accountId, owner, bob, owner.registerDevice(accountId, "owner-phone"),
                bob.registerDevice(accountId, "bob-phone"), ids);
    }

    private static ApiClient.Response mark(ApiClient api, Family f, String device, String message, String keyword,
                                           boolean on) {
        ApiClient.Response r = api.patch(f.path() + "/messages/" + message, device,
                "{\"keywords\":{\"" + keyword + "\":" + on + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    /** The ids this person sees unread, and those they see flagged. */
    private static List<Set<String>> view(ApiClient api, Family f) {
        Set<String> unread = new java.util.TreeSet<>();
        Set<String> flagged = new java.util.TreeSet<>();
        for (JsonNode m : messagesOf(api, f.accountId()).get("messages")) {
            if (!m.get("keywords").has("$seen")) {
                unread.add(m.get("id").asString());
            }
            if (m.get("keywords").has("$flagged")) {
                flagged.add(m.get("id").asString());
            }
        }
        return List.of(unread, flagged);
    }

    private static JsonNode changes(ApiClient api, Family f, String since) {
        ApiClient.Response r = api.get(f.path() + "/changes?since=" + since);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    @Test
    void twoPeopleSeeTheirOwnUnreadAndChangesWhileFlaggedIsShared() {
        Family f = family();
        ApiClient.Response chosen = f.owner().send("PUT", f.path() + "/read-state", "application/json",
                "{\"mode\":\"private\"}");
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(f.bob().get(f.path() + "/read-state").body().get("mode").asString()).isEqualTo("private");
        assertThat(f.bob().send("PUT", f.path() + "/read-state", "application/json", "{\"mode\":\"shared\"}")
                .status()).as("only the owner chooses").isEqualTo(403);

        mark(f.bob(), f, f.bobPhone(), f.second(), "$seen", true);           // bob reads the second
        mark(f.owner(), f, f.ownerPhone(), f.first(), "$seen", true);        // the owner reads the first
        String before = mark(f.bob(), f, f.bobPhone(), f.first(), "$flagged", true).body().get("state").asString();

        assertThat(view(f.owner(), f)).isEqualTo(List.of(Set.of(f.second()), Set.of(f.first())));
        assertThat(view(f.bob(), f)).isEqualTo(List.of(Set.of(f.first()), Set.of(f.first())));

        // bob marks the second unread again: his /changes says so, the owner's does not
        ApiClient.Response unread = mark(f.bob(), f, f.bobPhone(), f.second(), "$seen", false);
        assertThat(unread.body().get("message").get("keywords").has("$seen")).isFalse();
        JsonNode bobs = changes(f.bob(), f, before);
        JsonNode owners = changes(f.owner(), f, before);
        assertThat(bobs.get("updated").toString()).isEqualTo("[\"" + f.second() + "\"]");
        assertThat(owners.get("updated")).isEmpty();
        assertThat(owners.get("newState").asString()).isEqualTo(bobs.get("newState").asString());
        assertThat(view(f.bob(), f).getFirst()).containsExactlyInAnyOrder(f.first(), f.second());
        assertThat(view(f.owner(), f).getFirst()).containsExactly(f.second());

        // the server's \Seen follows the owner only: one $seen write-back (the owner's), one $flagged (bob's)
        List<ConsumerRecord<String, String>> commands = Broker.awaitAll(topics.commands(),
                r -> f.accountId().equals(r.key()) && Broker.decode(r, SetFlags.class).isPresent(), 2,
                Duration.ofSeconds(20));
        List<String> written = new ArrayList<>();
        for (ConsumerRecord<String, String> r : commands) {
            SetFlags s = Broker.decode(r, SetFlags.class).orElseThrow();
            written.add(s.locator().uid() + " +" + s.add() + " -" + s.remove());
        }
        assertThat(written).containsExactly("1 +[$seen] -[]", "1 +[$flagged] -[]");

        // back to shared: everyone sees the server's read state again
        f.owner().send("PUT", f.path() + "/read-state", "application/json", "{\"mode\":\"shared\"}");
        assertThat(view(f.bob(), f)).isEqualTo(view(f.owner(), f));
    }

    @Test
    void theOwnersAuditTrailNamesWhoChangedWhatWithWhichDevice() {
        Family f = family();
        f.owner().send("PUT", f.path() + "/read-state", "application/json", "{\"mode\":\"private\"}");
        mark(f.bob(), f, f.bobPhone(), f.first(), "$flagged", true);
        mark(f.bob(), f, f.bobPhone(), f.second(), "$seen", true);
        mark(f.owner(), f, f.ownerPhone(), f.first(), "$seen", true);
        String ownerId = f.owner().get(f.path()).body().get("customerId").asString();
        String bobId = f.owner().get(f.path() + "/grants").body().get("grants").get(0).get("person").asString();

        ApiClient.Response audit = f.owner().get(f.path() + "/audit");

        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : audit.body().get("entries")) {
            if (!e.path("person").isMissingNode() && !e.get("person").isNull()) {
                lines.add(e.get("messageId").asString() + " " + e.get("change").asString() + " by "
                        + e.get("person").asString() + " on " + e.get("device").asString()
                        + (e.get("personal").asBoolean() ? " (own read state)" : ""));
            }
        }
        assertThat(lines).containsExactly(
                f.first() + " updated by " + bobId + " on " + f.bobPhone(),
                f.second() + " updated by " + bobId + " on " + f.bobPhone() + " (own read state)",
                f.first() + " updated by " + ownerId + " on " + f.ownerPhone());
        assertThat(audit.body().get("entries").get(0).get("person").isNull())
                .as("the arrivals came from the mail server: nobody").isTrue();
        assertThat(f.bob().get(f.path() + "/audit").status()).isEqualTo(403);
        assertThat(f.owner().get(f.path() + "/audit?limit=0").status()).isEqualTo(400);
    }

    @Autowired
    private MongoTemplate mongo;

    @Test
    void removingTheMailboxRemovesWhatEachPersonHadRead() {
        Family f = family();
        f.owner().send("PUT", f.path() + "/read-state", "application/json", "{\"mode\":\"private\"}");
        mark(f.bob(), f, f.bobPhone(), f.second(), "$seen", true);
        assertThat(mongo.getCollection("private_seen").countDocuments(Filters.eq("accountId", f.accountId())))
                .isEqualTo(1);

        assertThat(admin().delete(f.path()).status()).isEqualTo(204);

        assertThat(mongo.getCollection("private_seen").countDocuments(Filters.eq("accountId", f.accountId())))
                .isZero();
    }
}
