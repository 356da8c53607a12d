package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * R6: mail as it really arrives — broken MIME, 8-bit and mis-encoded headers, no Message-ID, no Date, a huge
 * attachment, multiparts nested 100 deep. Every one becomes a MessageArrived and a listed message; the session
 * never fails over one (no ERROR status) and mail after the corpus still arrives.
 */
@Order(60)
class MalformedCorpusIT {

    @Test
    @DisplayName("R6: malformed message corpus")
    void everyMalformedMessageBecomesAnEvent() {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("r6", null);
        String customer = "r6-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, dovecot.imapPort(), user.login(), user.password());
        ApiClient api = stack.apiAs(customer);
        await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(accountId)));

        int megabytes = Sizes.FULL ? 50 : Integer.getInteger("reliability.r6.attachment-mb", 50);
        Map<String, byte[]> corpus = Corpus.messages(user.address(), megabytes);
        corpus.values().forEach(m -> RawDelivery.save(dovecot, user.login(), m));
        String after = Mail.newMessageId("r6-after");
        dovecot.deliver(user, Mail.text(after, user, "after the corpus"));
        int expected = corpus.size() + 1;

        await().atMost(Duration.ofSeconds(90)).until(() -> arrivals(stack, accountId) >= expected
                && api.messages(accountId).size() >= expected);
        List<JsonNode> listed = api.messages(accountId);
        int arrived = arrivals(stack, accountId);
        List<String> failures = Records.of(stack.topics().events(), accountId).stream().map(ConsumerRecord::value)
                .map(ApiClient.JSON::readTree).filter(e -> "AccountStatusChanged".equals(e.path("type").asString()))
                .map(e -> e.path("status").asString()).filter(s -> s.equals("ERROR") || s.equals("UNREACHABLE"))
                .toList();
        Outcomes.held("R6", corpus.size() + " malformed (attachment " + megabytes + " MB)", corpus.size(), expected,
                Math.max(0, expected - listed.size()), Math.max(0, arrived - expected) + failures.size(), 0,
                arrived + " MessageArrived, " + listed.size() + " listed, session failures " + failures);
        assertThat(arrived).as("MessageArrived events").isEqualTo(expected);
        assertThat(listed).hasSize(expected);
        assertThat(listed).extracting(m -> m.path("messageIdHeader").asString()).contains(after);
        assertThat(failures).as("session failures while reading the corpus").isEmpty();
        assertThat(api.status(accountId)).isEqualTo("IDLE");
        stack.apiAsAdmin().removeAccount(accountId);
    }

    private static int arrivals(Stack stack, String accountId) {
        return (int) Records.of(stack.topics().events(), accountId).stream()
                .map(ConsumerRecord::value).map(ApiClient.JSON::readTree)
                .filter(e -> "MessageArrived".equals(e.path("type").asString())).count();
    }
}
