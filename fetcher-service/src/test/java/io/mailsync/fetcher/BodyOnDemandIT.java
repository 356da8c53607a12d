package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageBodyFetched;
import io.mailsync.events.MessageBodyFetched.Outcome;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.fetcher.support.Mailboxes;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.TopicReader;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 20 at the owning fetcher: a {@code FetchMessageBody} for a mailbox that keeps no bodies is answered with the
 * exact bytes the server holds, written to the content store, and the message stays unread on the server
 * ({@code BODY.PEEK[]}). A UID the server no longer has is answered GONE, a request nobody waits for is dropped.
 */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s"})
class BodyOnDemandIT extends FetcherIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    ContentStore contents;

    @Test
    void greenMailAnswersWithTheExactBytesAndTheMessageStaysUnread() {
        MailUser user = GreenMailKit.newUser("ondemand");
        exactBytesAndUnread(GreenMailKit.imapPort(), user, rfc822 -> Mailboxes.append(GreenMailKit.imapPort(),
                user.login(), user.password(), rfc822, new Flags()));
    }

    @Test
    void dovecotAnswersWithTheExactBytesAndTheMessageStaysUnread() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("ondemand", null);
        exactBytesAndUnread(dovecot.imapPort(), user, rfc822 -> dovecot.deliver(user, rfc822));
    }

    private void exactBytesAndUnread(int port, MailUser user, java.util.function.Consumer<String> deliver) {
        String accountId = registerImap(user, port);
        awaitStatus(accountId, Status.IDLE);
        String header = "<" + UUID.randomUUID() + "@ondemand.test>";
        deliver.accept(MailText.withMessageId(header, "ann@sender.test", user.address(), "Fetch me later",
                "a body mailsync did not keep\r\nsecond line äöü"));
        MessageArrived arrived = awaitFirst(MessageArrived.class, accountId, WITHIN);
        assertThat(arrived.contentRef()).as("storeBodies=false keeps no body").isNull();

        FetchMessageBody request = request(accountId, arrived.locator(), Instant.now().plusSeconds(60));
        accounts.command(request);

        MessageBodyFetched reply = awaitReply(accountId, request);
        assertThat(reply.outcome()).isEqualTo(Outcome.STORED);
        byte[] stored = contents.get(reply.contentRef()).orElseThrow();
        assertThat(reply.size()).isEqualTo(stored.length);
        assertThat(reply.ownerEpoch()).isNotNull();
        AtomicReference<byte[]> onServer = new AtomicReference<>();
        Mailboxes.withInbox(port, user.login(), user.password(), inbox -> {
            Message m = inbox.getMessage(1);
            assertThat(m.isSet(Flags.Flag.SEEN)).as("\\Seen after the fetch").isFalse();
            ((IMAPMessage) m).setPeek(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                m.writeTo(out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            onServer.set(out.toByteArray());
        });
        assertThat(stored).isEqualTo(onServer.get());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).contains("Subject: Fetch me later");

        // a UID the server never had: GONE, nothing stored
        MessageLocator missing = MessageLocator.imap("INBOX", arrived.locator().uidValidity(),
                arrived.locator().uid() + 1000);
        FetchMessageBody gone = request(accountId, missing, Instant.now().plusSeconds(60));
        accounts.command(gone);
        assertThat(awaitReply(accountId, gone).outcome()).isEqualTo(Outcome.GONE);

        // a request nobody waits for any more is dropped; the next one is still answered
        FetchMessageBody late = request(accountId, arrived.locator(), Instant.now().minusSeconds(1));
        FetchMessageBody after = request(accountId, arrived.locator(), Instant.now().plusSeconds(60));
        accounts.command(late);
        accounts.command(after);
        awaitReply(accountId, after);
        assertThat(replies(accountId)).noneMatch(r -> r.commandId().equals(late.commandId()));
        accounts.remove(accountId);
    }

    private static FetchMessageBody request(String accountId, MessageLocator locator, Instant answerBy) {
        return new FetchMessageBody(UUID.randomUUID(), Instant.now(), AccountId.of(accountId), Origin.device("phone"),
                locator,
                answerBy);
    }

    private static List<MessageBodyFetched> replies(String accountId) {
        return TopicReader.read(topics.replies(), accountId, MessageBodyFetched.class);
    }

    private static MessageBodyFetched awaitReply(String accountId, FetchMessageBody request) {
        return await().atMost(WITHIN).until(() -> replies(accountId).stream()
                .filter(r -> r.commandId().equals(request.commandId())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
