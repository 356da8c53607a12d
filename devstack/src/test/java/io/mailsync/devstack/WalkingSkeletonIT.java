package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2's promise, end to end through the gateway: a message delivered to a mailbox appears with its envelope in
 * {@code GET /api/v1/accounts/{id}/messages} within seconds, and a replayed event does not show it twice.
 */
class WalkingSkeletonIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void aMessageDeliveredToGreenMailAppearsOnceThroughTheGateway() {
        MailUser user = GreenMailKit.newUser("walk");
        GreenMailUser mailbox = GreenMailKit.server().getUserManager().getUser(user.login());
        deliverAndReplay("IMAP", GreenMailKit.imapPort(), user,
                text -> DemoMailboxes.deliverText(mailbox, text));
    }

    @Test
    void aMessageDeliveredToDovecotAppearsOnceThroughTheGateway() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("walk", null);
        deliverAndReplay("IMAP", dovecot.imapPort(), user, text -> dovecot.deliver(user, text));
    }

    private static void deliverAndReplay(String protocol, int port, MailUser user, Consumer<String> deliver) {
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, protocol, port, user.login(), user.password());
        ApiClient api = RunningSystem.customer(customer);

        String firstId = "<" + UUID.randomUUID() + "@walking.test>";
        deliver.accept(MailText.withMessageId(firstId, "Ann Sender <ann@sender.test>", user.address(),
                "Walking skeleton", "one message, all the way through"));

        JsonNode first = await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, firstId), m -> m != null);
        assertThat(first.path("subject").asString()).isEqualTo("Walking skeleton");
        assertThat(first.path("from").toString()).contains("ann@sender.test");
        assertThat(first.path("to").toString()).contains(user.address());
        assertThat(first.path("size").asLong()).isPositive();
        assertThat(first.path("folder").asString()).isEqualTo("INBOX");
        assertThat(first.path("sentAt").isMissingNode()).isFalse();

        // replay every event of this account, then deliver a second message: once it is listed, the replay (earlier
        // in the same partition) has been applied too
        int replayed = EventReplay.replayAll(RunningSystem.topics(), accountId);
        assertThat(replayed).isPositive();
        String secondId = "<" + UUID.randomUUID() + "@walking.test>";
        deliver.accept(MailText.withMessageId(secondId, "ann@sender.test", user.address(), "Second", "marker"));
        await().atMost(WITHIN).until(() -> api.messageByHeader(accountId, secondId), m -> m != null);

        assertThat(api.messages(accountId)).extracting(m -> m.path("messageIdHeader").asString())
                .containsExactlyInAnyOrder(firstId, secondId);
    }
}
