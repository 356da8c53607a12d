package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.Origin;
import io.mailsync.events.Topics;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * mail.events taken a poll at a time: a burst sent at once lands in one batch, so these are the batch edge cases —
 * a duplicate, a poison record in the middle, events of several accounts interleaved.
 */
class BatchIngestIT extends SyncIntegrationTest {

    @Test
    void aPoisonRecordInTheMiddleOfABurstGoesToTheDltAloneAndTheOthersAreApplied() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        MessageArrived before = MailEvents.imapArrived(accountId, 1, "before");
        MessageArrived after = MailEvents.imapArrived(accountId, 2, "after");
        String poison = "{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"accountId\":\"" + accountId + "\"}";

        Broker.publishAll(topics.events(), List.of(before));
        Broker.publishRaw(topics.events(), accountId, poison);
        Broker.publishAll(topics.events(), List.of(after, before, MailEvents.flagsChanged(accountId,
                after.locator(), Origin.server(), Set.of("$Seen"), Set.of())));

        ApiClient api = customer(customer);
        eventually(() -> assertThat(subjects(api, accountId)).containsExactlyInAnyOrder("before", "after"));
        eventually(() -> assertThat(messagesOf(api, accountId).get("state").asString()).isEqualTo("1-3"));
        List<ConsumerRecord<String, String>> dead = Broker.awaitAll(Topics.deadLetter(topics.events()),
                r -> accountId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(poison);
        JsonNode changes = api.get("/api/v1/accounts/" + accountId + "/changes?since=1-0").body();
        assertThat(changes.get("created")).hasSize(2);
        assertThat(changes.get("newState").asString()).isEqualTo("1-3");
    }

    @Test
    void aBurstSpanningAccountsKeepsEachAccountsOrderAndStoresEachMessageOnce() {
        String customer = newCustomer();
        List<String> accounts = List.of(register(imapAccount(customer)), register(imapAccount(customer)),
                register(imapAccount(customer)));
        List<MessageArrived> arrivals = new ArrayList<>();
        List<io.mailsync.events.MailEvent> burst = new ArrayList<>();
        for (int uid = 1; uid <= 40; uid++) {
            for (String accountId : accounts) {
                MessageArrived arrived = MailEvents.imapArrived(accountId, uid, "m" + uid);
                arrivals.add(arrived);
                burst.add(arrived);
            }
        }
        for (MessageArrived arrived : arrivals) { // then each read, then unread: the last word is unread
            burst.add(MailEvents.flagsChanged(arrived.accountId().value(), arrived.locator(), Origin.server(),
                    Set.of("$Seen"), Set.of()));
        }
        for (MessageArrived arrived : arrivals) {
            burst.add(MailEvents.flagsChanged(arrived.accountId().value(), arrived.locator(), Origin.server(), Set.of(),
                    Set.of("$Seen")));
        }
        burst.addAll(arrivals.subList(0, 30)); // replays

        Broker.publishAll(topics.events(), burst);

        ApiClient api = customer(customer);
        for (String accountId : accounts) {
            eventually(() -> assertThat(messagesOf(api, accountId).get("state").asString()).isEqualTo("1-120"));
            JsonNode page = api.get("/api/v1/accounts/" + accountId + "/messages?limit=100").body();
            assertThat(page.get("messages")).hasSize(40);
            page.get("messages").forEach(m -> assertThat(m.get("keywords").has("$seen")).isFalse());
        }
    }

    private static List<String> subjects(ApiClient api, String accountId) {
        List<String> subjects = new ArrayList<>();
        messagesOf(api, accountId).get("messages").forEach(m -> subjects.add(m.get("subject").asString()));
        return subjects;
    }
}
