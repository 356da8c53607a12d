package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.Topics;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import java.util.Map;

/**
 * R5: a record nobody can read lands in {@code <topic>.DLT} with the reason in its headers (ADR 0001), and the
 * consumers go on with the records after it: the account it was keyed to still syncs.
 */
@Order(50)
class PoisonRecordsIT {

    static final String REASON = "kafka_dlt-exception-message";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static Stack stack;
    private static Dovecot dovecot;
    private static MailUser user;
    private static String accountId;
    private static ApiClient api;

    @BeforeAll
    static void anAccountInSync() {
        stack = Stack.shared();
        dovecot = Dovecot.shared();
        user = dovecot.newUser("r5", null);
        dovecot.deliver(user, Mail.text(Mail.newMessageId("r5-first"), user, "first"));
        String customer = "r5-" + UUID.randomUUID();
        accountId = stack.registerImap(customer, dovecot.imapPort(), user.login(), user.password());
        api = stack.apiAs(customer);
        await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(accountId))
                && api.messages(accountId).size() == 1);
    }

    private static List<String> poisons(String tag) {
        return List.of("{not json " + tag, "{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"poison\":\"" + tag
                + "\"}");
    }

    @Test
    @DisplayName("R5: mail.events (sync-service, quota-service)")
    void events() {
        String tag = UUID.randomUUID().toString();
        List<String> poison = poisons(tag);
        poison.forEach(p -> Records.send(stack.topics().events(), accountId, p));

        String after = Mail.newMessageId("r5-after");
        dovecot.deliver(user, Mail.text(after, user, "after the poison"));
        await().atMost(WITHIN).until(() -> Mail.listedIds(api, accountId).contains(after));
        List<ConsumerRecord<String, String>> dead = await().atMost(WITHIN).until(
                () -> deadLetters(stack.topics().events(), tag), d -> d.size() >= poison.size());
        record("mail.events", poison.size(), dead);
        assertThat(dead).allSatisfy(d -> assertThat(Records.header(d, REASON)).isNotBlank());
        assertThat(dead).extracting(ConsumerRecord::value).containsAll(poison);
    }

    @Test
    @DisplayName("R5: mail.accounts (fetcher, quota-service, gateway)")
    void accounts() {
        String tag = UUID.randomUUID().toString();
        List<String> poison = poisons(tag);
        poison.forEach(p -> Records.send(stack.topics().accounts(), "poison-" + tag, p));

        // the consumers go on: a mailbox registered after the poison gets a session and its mail
        MailUser next = dovecot.newUser("r5next", null);
        String first = Mail.newMessageId("r5-next");
        dovecot.deliver(next, Mail.text(first, next, "registered after poison"));
        String customer = "r5b-" + UUID.randomUUID();
        String nextAccount = stack.registerImap(customer, dovecot.imapPort(), next.login(), next.password());
        ApiClient nextApi = stack.apiAs(customer);
        await().atMost(Duration.ofSeconds(40)).until(() -> Mail.listedIds(nextApi, nextAccount).contains(first));
        List<ConsumerRecord<String, String>> dead = await().atMost(WITHIN).until(
                () -> deadLetters(stack.topics().accounts(), tag), d -> d.size() >= poison.size());
        record("mail.accounts", poison.size(), dead);
        assertThat(dead).allSatisfy(d -> assertThat(Records.header(d, REASON)).isNotBlank());
        stack.apiAsAdmin().removeAccount(nextAccount);
    }

    @Test
    @DisplayName("R5: mail.commands (fetcher)")
    void commands() {
        String tag = UUID.randomUUID().toString();
        List<String> poison = poisons(tag);
        poison.forEach(p -> Records.send(stack.topics().commands(), accountId, p));

        // the fetcher goes on with commands: a device's read mark after the poison reaches the server
        String device = api.registerDevice(accountId, "r5-phone");
        JsonNode message = api.messages(accountId).getFirst();
        api.keywords(accountId, message.path("id").asString(), device, Map.of("$seen", true));
        String messageId = message.path("messageIdHeader").asString();
        await().atMost(WITHIN).until(() -> dovecot.doveadm("fetch", "-u", user.login(), "flags", "mailbox", "INBOX",
                "header", "Message-ID", messageId).contains("\\Seen"));
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(10)).until(
                () -> deadLetters(stack.topics().commands(), tag), d -> true);
        record("mail.commands", poison.size(), dead);
        assertThat(dead).as("poison commands in %s", Topics.deadLetter(stack.topics().commands()))
                .hasSize(poison.size())
                .allSatisfy(d -> assertThat(Records.header(d, REASON)).isNotBlank());
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String topic, String tag) {
        return Records.all(Topics.deadLetter(topic)).stream()
                .filter(r -> r.value() != null && r.value().contains(tag)).toList();
    }

    private static void record(String topic, int injected, List<ConsumerRecord<String, String>> dead) {
        long withReason = dead.stream().filter(d -> Records.header(d, REASON) != null).count();
        long distinct = dead.stream().map(ConsumerRecord::value).distinct().count();
        int lost = (int) Math.max(0, injected - distinct);
        String groups = String.join(",", dead.stream()
                .map(d -> String.valueOf(Records.header(d, "kafka_dlt-original-consumer-group")))
                .map(g -> g.replaceAll("-.*", "")).distinct().sorted().toList());
        Outcomes.held("R5", topic, injected, injected, lost, 0, 0,
                dead.size() + " in DLT (" + withReason + " with reason; groups " + groups + "); consumption went on");
    }
}
