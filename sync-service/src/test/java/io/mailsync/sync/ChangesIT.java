package io.mailsync.sync;

import static io.mailsync.testkit.builders.FolderResetBuilder.aFolderReset;
import static io.mailsync.testkit.builders.MessageFlagsChangedBuilder.aMessageFlagsChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.FolderReset;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.Origin;
import io.mailsync.sync.application.PruneChangeLog;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.SettableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The changes-since cursor (RFC 8620 §5.2) as a device uses it. */
class ChangesIT extends SyncIntegrationTest {

    @Autowired
    SettableClock clock;

    @Autowired
    PruneChangeLog prune;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String state(ApiClient api, String accountId) {
        return messagesOf(api, accountId).get("state").asString();
    }

    private void awaitState(ApiClient api, String accountId, String expected) {
        eventually(() -> assertThat(state(api, accountId)).isEqualTo(expected));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asString()));
        return ids;
    }

    private static String messageId(ApiClient api, String accountId, String subject) {
        for (JsonNode m : messagesOf(api, accountId).get("messages")) {
            if (subject.equals(m.get("subject").asString())) {
                return m.get("id").asString();
            }
        }
        throw new AssertionError("no message " + subject);
    }

    @Test
    void reportsCreatedUpdatedAndDestroyedAndAnnouncesTheNewState() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient device = customer(customer);
        assertThat(state(device, accountId)).isEqualTo("1-0");
        MessageArrived kept = MailEvents.imapArrived(accountId, 1, "kept");
        MessageArrived gone = MailEvents.imapArrived(accountId, 2, "gone");
        Broker.publish(topics.events(), kept);
        Broker.publish(topics.events(), gone);
        awaitState(device, accountId, "1-2");
        String keptId = messageId(device, accountId, "kept");
        String goneId = messageId(device, accountId, "gone");

        Broker.publish(topics.events(), MailEvents.flagsChanged(accountId, kept.locator(), Origin.server(),
                Set.of("$flagged"), Set.of()));
        Broker.publish(topics.events(), MailEvents.expunged(accountId, gone.locator()));
        awaitState(device, accountId, "1-4");

        JsonNode sinceStart = device.get("/api/v1/accounts/" + accountId + "/changes?since=1-0").body();
        assertThat(ids(sinceStart.get("created"))).containsExactly(keptId);
        assertThat(ids(sinceStart.get("updated"))).isEmpty();
        assertThat(ids(sinceStart.get("destroyed"))).isEmpty(); // created and destroyed since 1-0: not reported
        assertThat(sinceStart.get("oldState").asString()).isEqualTo("1-0");
        assertThat(sinceStart.get("newState").asString()).isEqualTo("1-4");
        assertThat(sinceStart.get("hasMoreChanges").asBoolean()).isFalse();

        JsonNode sinceBoth = device.get("/api/v1/accounts/" + accountId + "/changes?since=1-2").body();
        assertThat(ids(sinceBoth.get("updated"))).containsExactly(keptId);
        assertThat(ids(sinceBoth.get("destroyed"))).containsExactly(goneId);
        assertThat(messagesOf(device, accountId).get("messages").get(0).get("keywords").get("$flagged").asBoolean())
                .isTrue();

        // push is coalesced per poll: events applied together announce their last state once
        Broker.await(topics.state(), r -> accountId.equals(r.key())
                && "1-4".equals(Broker.decode(r, AccountStateAdvanced.class).orElseThrow().state()),
                Duration.ofSeconds(20));
        Set<String> announced = new HashSet<>();
        Broker.readAll(topics.state(), r -> accountId.equals(r.key()))
                .forEach(r -> announced.add(Broker.decode(r, AccountStateAdvanced.class).orElseThrow().state()));
        assertThat(announced).contains("1-4").isSubsetOf("1-1", "1-2", "1-3", "1-4");
    }

    @Test
    void aReplayedOrOlderFlagEventChangesNothing() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient device = customer(customer);
        MessageArrived arrived = MailEvents.imapArrived(accountId, 1, "flagged twice");
        Broker.publish(topics.events(), arrived);
        MessageFlagsChanged flag = MailEvents.flagsChanged(accountId, arrived.locator(), Origin.server(),
                Set.of("$flagged"), Set.of());
        MessageFlagsChanged unflag = aMessageFlagsChanged().forAccount(accountId)
                .occurredAt(flag.occurredAt().plusMillis(5)).causedBy(Origin.server()).at(arrived.locator())
                .removing("$flagged").build();

        Broker.publish(topics.events(), flag);
        Broker.publish(topics.events(), unflag);
        Broker.publish(topics.events(), flag); // replayed: older than what was applied
        Broker.publish(topics.events(), unflag); // replayed: already applied
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 2, "marker"));

        eventually(() -> assertThat(messagesOf(device, accountId).get("messages")).hasSize(2));
        assertThat(state(device, accountId)).isEqualTo("1-4"); // two arrivals, one flag, one unflag
        JsonNode first = messagesOf(device, accountId).get("messages").get(1);
        assertThat(first.get("keywords").has("$flagged")).isFalse();
    }

    @Test
    void pagesWithHasMoreChangesUntilTheClientHasEverything() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient device = customer(customer);
        for (int uid = 1; uid <= 5; uid++) {
            Broker.publish(topics.events(), MailEvents.imapArrived(accountId, uid, "m" + uid));
        }
        awaitState(device, accountId, "1-5");

        List<String> created = new ArrayList<>();
        String since = "1-0";
        int calls = 0;
        boolean more = true;
        while (more) {
            JsonNode page = device.get("/api/v1/accounts/" + accountId + "/changes?since=" + since + "&maxChanges=2")
                    .body();
            assertThat(page.get("created").size()).isLessThanOrEqualTo(2);
            created.addAll(ids(page.get("created")));
            more = page.get("hasMoreChanges").asBoolean();
            since = page.get("newState").asString();
            calls++;
        }

        assertThat(calls).isEqualTo(3);
        assertThat(created).hasSize(5).doesNotHaveDuplicates();
        assertThat(since).isEqualTo("1-5");
    }

    @Test
    void aStateOlderThanTheRetainedLogAnswers410() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient device = customer(customer);
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 1, "old"));
        awaitState(device, accountId, "1-1");

        clock.advance(Duration.ofDays(31)); // the default retention is 30 days

        ApiClient.Response expired = device.get("/api/v1/accounts/" + accountId + "/changes?since=1-0");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.isProblem()).isTrue();
        assertThat(expired.body().get("type").asString()).isEqualTo("urn:ietf:params:jmap:error:cannotCalculateChanges");
        assertThat(device.get("/api/v1/accounts/" + accountId + "/changes?since=1-1").status()).isEqualTo(200);

        prune.prune();
        clock.reset();
        // pruned entries stay gone: the low-water mark answers 410 even with the clock back
        assertThat(device.get("/api/v1/accounts/" + accountId + "/changes?since=1-0").status()).isEqualTo(410);
        assertThat(device.get("/api/v1/accounts/" + accountId + "/changes?since=1-1").status()).isEqualTo(200);
    }

    @Test
    void aStateFromBeforeAFolderResetAnswers410AndAReplayedResetChangesNothing() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient device = customer(customer);
        Broker.publish(topics.events(), MailEvents.imapArrived(accountId, 1, "before"));
        awaitState(device, accountId, "1-1");
        FolderReset reset = aFolderReset().forAccount(accountId).inFolder("INBOX").from(7L).to(8).build();

        Broker.publish(topics.events(), reset);
        Broker.publish(topics.events(), reset);
        Broker.publish(topics.events(), MailEvents.arrived(accountId,
                io.mailsync.events.MessageLocator.imap("INBOX", 8, 50), "after"));
        awaitState(device, accountId, "2-2");

        ApiClient.Response gone = device.get("/api/v1/accounts/" + accountId + "/changes?since=1-1");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body().get("detail").asString()).contains("reset");
        assertThat(device.get("/api/v1/accounts/" + accountId + "/changes?since=2-2").status()).isEqualTo(200);
    }

    @Test
    void badStatesAndLimitsAre400Problems() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        ApiClient device = customer(customer);
        String base = "/api/v1/accounts/" + accountId + "/changes";

        for (String query : List.of("", "?since=garbage", "?since=1-99", "?since=1-0&maxChanges=0",
                "?since=1-0&maxChanges=abc", "?since=9-0")) {
            ApiClient.Response response = device.get(base + query);
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            assertThat(response.isProblem()).as(query).isTrue();
        }
    }
}
