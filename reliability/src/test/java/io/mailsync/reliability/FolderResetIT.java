package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * R3: the server rebuilds its index (UIDVALIDITY changes, same mail). The anchors' users saw old mail re-sent as
 * new. Here: one FolderReset, no message announced as new (every one keeps its id), read state kept.
 */
@Order(30)
class FolderResetIT {

    private static final int MESSAGES = 12;

    @Test
    @DisplayName("R3: UIDVALIDITY reset on the server")
    void aRebuiltIndexIsOneResetAndNothingNew() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("r3", null);
        for (int i = 0; i < MESSAGES; i++) {
            dovecot.deliver(user, Mail.text(Mail.newMessageId("r3-" + i), user, "message " + i));
        }
        String customer = "r3-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, dovecot.imapPort(), user.login(), user.password());
        ApiClient api = stack.apiAs(customer);
        await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(accountId))
                && api.messages(accountId).size() == MESSAGES);

        // a device reads a third of them; the reads are written back to the server
        String device = api.registerDevice(accountId, "r3-phone");
        List<JsonNode> before = api.messages(accountId);
        Set<String> read = before.stream().limit(MESSAGES / 3).map(m -> m.path("id").asString())
                .collect(Collectors.toSet());
        for (String id : read) {
            api.keywords(accountId, id, device, Map.of("$seen", true));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> seenAtServer(dovecot, user) == read.size());
        Map<String, String> idsBefore = ids(before);
        long oldValidity = uidValidity(stack, accountId);

        dovecot.doveadm("mailbox", "update", "-u", user.login(), "--uid-validity", String.valueOf(oldValidity + 1000),
                "INBOX");
        dovecot.doveadm("kick", user.login());
        await().atMost(Duration.ofSeconds(30)).until(() -> resets(stack, accountId) >= 1
                && rebuiltArrivals(stack, accountId, oldValidity + 1000) >= MESSAGES);
        // the rebuild is done; give a stray duplicate reset or arrival a moment to show
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

        List<JsonNode> after = api.messages(accountId);
        Map<String, String> idsAfter = ids(after);
        int announcedNew = (int) after.stream().filter(m -> !idsBefore.containsValue(m.path("id").asString())).count()
                + newArrivals(stack, accountId, oldValidity + 1000);
        int lost = (int) idsBefore.keySet().stream().filter(h -> !idsAfter.containsKey(h)).count();
        int duplicated = after.size() - idsAfter.size();
        Set<String> readAfter = after.stream().filter(Mail::seen).map(m -> m.path("id").asString())
                .collect(Collectors.toSet());
        int resets = resets(stack, accountId);
        Outcomes.held("R3", "UIDVALIDITY " + oldValidity + " -> " + (oldValidity + 1000), 1, MESSAGES,
                lost + announcedNew, duplicated, 0, resets + " FolderReset; " + announcedNew + " announced as new; "
                        + readAfter.size() + "/" + read.size() + " read kept");
        assertThat(resets).as("FolderReset events").isEqualTo(1);
        assertThat(announcedNew).as("messages announced as new").isZero();
        assertThat(idsAfter).isEqualTo(idsBefore);
        assertThat(readAfter).isEqualTo(read);
        stack.apiAsAdmin().removeAccount(accountId);
    }

    private static Map<String, String> ids(List<JsonNode> messages) {
        Map<String, String> ids = new HashMap<>();
        messages.forEach(m -> ids.put(m.path("messageIdHeader").asString(), m.path("id").asString()));
        return ids;
    }

    private static int seenAtServer(Dovecot dovecot, MailUser user) {
        return (int) dovecot.doveadm("fetch", "-u", user.login(), "flags", "mailbox", "INBOX").lines()
                .filter(l -> l.contains("\\Seen")).count();
    }

    private static List<JsonNode> events(Stack stack, String accountId, String type) {
        return Records.of(stack.topics().events(), accountId).stream().map(ConsumerRecord::value)
                .map(ApiClient.JSON::readTree).filter(e -> type.equals(e.path("type").asString())).toList();
    }

    private static long uidValidity(Stack stack, String accountId) {
        return events(stack, accountId, "MessageArrived").getFirst().path("locator").path("uidValidity").asLong();
    }

    private static int resets(Stack stack, String accountId) {
        return events(stack, accountId, "FolderReset").size();
    }

    private static int rebuiltArrivals(Stack stack, String accountId, long validity) {
        return (int) events(stack, accountId, "MessageArrived").stream()
                .filter(e -> e.path("locator").path("uidValidity").asLong() == validity).count();
    }

    /** Arrivals under the new UIDVALIDITY that are not marked as a rebuild: what a client would call new mail. */
    private static int newArrivals(Stack stack, String accountId, long validity) {
        return (int) events(stack, accountId, "MessageArrived").stream()
                .filter(e -> e.path("locator").path("uidValidity").asLong() == validity)
                .filter(e -> !e.path("rebuild").asBoolean(false)).count();
    }
}
