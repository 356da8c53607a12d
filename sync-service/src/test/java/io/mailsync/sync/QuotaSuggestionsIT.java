package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Help to free space: a mailbox filled with known sizes and dates. */
class QuotaSuggestionsIT extends SyncIntegrationTest {

    private static MessageArrived sized(String accountId, String folder, long uid, long size, int daysOld) {
        Instant received = Instant.now().minus(daysOld, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return aMessageArrived().forAccount(accountId).inFolder(folder).withUidValidity(9).withUid(uid)
                .withSubject(folder + " " + size).sentAt(received).receivedAt(received).withSize(size).build();
    }

    @Test
    void largestFirstOldestFirstAndTheFoldersHoldingMostWithTheBytesEachFrees() {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        Broker.publish(topics.events(), sized(accountId, "INBOX", 1, 5_000, 3));
        Broker.publish(topics.events(), sized(accountId, "INBOX", 2, 120, 400));
        Broker.publish(topics.events(), sized(accountId, "Archive", 1, 9_000_000, 30));
        Broker.publish(topics.events(), sized(accountId, "Archive", 2, 2_000, 900));
        Broker.publish(topics.events(), sized(accountId, "INBOX", 3, 777, 1));
        Broker.publish(topics.events(), MailEvents.expunged(accountId, MessageLocator.imap("INBOX", 9, 3)));
        ApiClient owner = customer(customer);
        eventually(() -> assertThat(messagesOf(owner, accountId).get("messages")).hasSize(4));

        ApiClient.Response response = owner.get("/api/v1/accounts/" + accountId + "/quota/suggestions?limit=3");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("messages").asLong()).isEqualTo(4);
        assertThat(body.get("bytes").asLong()).isEqualTo(9_007_120L);
        assertThat(longs(body.get("largest"), "size")).containsExactly(9_000_000L, 5_000L, 2_000L);
        assertThat(longs(body.get("largest"), "frees")).containsExactly(9_000_000L, 5_000L, 2_000L);
        assertThat(body.get("largest").get(0).get("subject").asString()).isEqualTo("Archive 9000000");
        assertThat(longs(body.get("oldest"), "size")).containsExactly(2_000L, 120L, 9_000_000L);
        assertThat(body.get("folders").get(0).get("folder").asString()).isEqualTo("Archive");
        assertThat(longs(body.get("folders"), "frees")).containsExactly(9_002_000L, 5_120L);
        assertThat(longs(body.get("folders"), "messages")).containsExactly(2L, 2L);
    }

    @Test
    void anotherCustomersAccountIsNotFoundAndALimitOutOfRangeIsABadRequest() {
        String accountId = register(imapAccount(newCustomer()));

        assertThat(customer(newCustomer()).get("/api/v1/accounts/" + accountId + "/quota/suggestions").status())
                .isEqualTo(404);
        ApiClient.Response bad = admin().get("/api/v1/accounts/" + accountId + "/quota/suggestions?limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
    }

    private static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asLong()));
        return values;
    }
}
