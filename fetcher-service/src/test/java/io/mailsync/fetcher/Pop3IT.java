package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.AccountSpec.Pop3Retention.Policy;
import io.mailsync.events.DeleteFromServer;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.domain.UidlRecord;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.fetcher.support.Mailboxes;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.MongoKit;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** POP3 accounts polled on GreenMail: UIDL identity, STAT usage, bodies in GridFS, each retention policy. */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s"})
class Pop3IT extends FetcherIntegrationTest {

    @Autowired
    MaildropStore drops;

    @Test
    void newMailArrivesWithItsBodyStoredAndAMessageGoneIsAnExpungeUnderKeep() {
        MailUser user = GreenMailKit.newUser("pop-keep");
        String messageId = "<" + UUID.randomUUID() + "@mailsync.test>";
        deliver(user, MailText.withMessageId(messageId, "Alice <alice@example.net>", user.address(), "Polled", "body"));
        deliver(user, MailText.simple("b@example.net", user.address(), "Second", "two"));
        String accountId = "acc-" + UUID.randomUUID();

        accounts.register(accounts.pop3(accountId, GreenMailKit.pop3Port(), user.login(), user.password(),
                Pop3Retention.keep()));

        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(MessageArrived.class, accountId), list -> list.size() == 2);
        MessageArrived first = arrived.stream().filter(m -> messageId.equals(m.messageIdHeader())).findFirst()
                .orElseThrow();
        assertThat(first.locator().uidl()).isNotBlank();
        assertThat(first.subject()).isEqualTo("Polled");
        assertThat(first.from()).containsExactly("Alice <alice@example.net>");
        assertThat(first.size()).isPositive();
        assertThat(first.contentRef()).startsWith("gridfs:");
        assertThat(storedContent(first.contentRef())).contains("Message-ID: " + messageId);
        MailboxUsageSampled usage = awaitFirst(MailboxUsageSampled.class, accountId, Duration.ofSeconds(10));
        assertThat(usage.source()).isEqualTo(MailboxUsageSampled.Source.POP3_STAT);
        assertThat(usage.messageCount()).isEqualTo(2);
        assertThat(usage.storageUsedBytes()).isPositive();

        accounts.command(deleteFromServer(accountId, first.locator().uidl())); // KEEP: stays on the server
        deleteOnServer(user, "Second");

        MessageExpunged expunged = awaitFirst(MessageExpunged.class, accountId, Duration.ofSeconds(10));
        assertThat(expunged.locator().uidl()).isEqualTo(arrived.get(1).locator().uidl());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250)).until(() -> serverCount(user) == 1);
        assertThat(events.of(MessageArrived.class, accountId)).hasSize(2);
        accounts.remove(accountId);
    }

    @Test
    void deleteAfterFetchDeletesOnlyOnceTheSyncServiceConfirmedAndAnnouncesNoExpunge() {
        MailUser user = GreenMailKit.newUser("pop-fetch");
        deliver(user, MailText.simple("a@example.net", user.address(), "Take me", "body"));
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.pop3(accountId, GreenMailKit.pop3Port(), user.login(), user.password(),
                new Pop3Retention(Policy.DELETE_AFTER_FETCH, null)));
        MessageArrived arrived = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250)).until(() -> serverCount(user) == 1);
        accounts.command(deleteFromServer(accountId, arrived.locator().uidl()));

        await().atMost(Duration.ofSeconds(10)).until(() -> serverCount(user) == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> events.of(MessageExpunged.class, accountId).isEmpty());
        accounts.remove(accountId);
    }

    @Test
    void deleteAfterDaysDeletesOnlyMessagesFirstSeenLongEnoughAgo() {
        MailUser user = GreenMailKit.newUser("pop-days");
        deliver(user, MailText.simple("a@example.net", user.address(), "Old", "body"));
        deliver(user, MailText.simple("a@example.net", user.address(), "Recent", "body"));
        String accountId = "acc-" + UUID.randomUUID();
        String oldUidl = uidlOf(user, "Old");
        drops.add(AccountId.of(accountId), List.of(new UidlRecord(oldUidl, Instant.now().minus(Duration.ofDays(15)), false)));
        accounts.register(accounts.pop3(accountId, GreenMailKit.pop3Port(), user.login(), user.password(),
                new Pop3Retention(Policy.DELETE_AFTER_DAYS, 14)));
        MessageArrived recent = awaitFirst(MessageArrived.class, accountId, Duration.ofSeconds(20));
        assertThat(recent.subject()).isEqualTo("Recent");

        accounts.command(deleteFromServer(accountId, oldUidl));
        accounts.command(deleteFromServer(accountId, recent.locator().uidl()));

        await().atMost(Duration.ofSeconds(10)).until(() -> serverCount(user) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250)).until(() -> serverCount(user) == 1);
        accounts.remove(accountId);
    }

    private static DeleteFromServer deleteFromServer(String accountId, String uidl) {
        return new DeleteFromServer(UUID.randomUUID(), Instant.now(), AccountId.of(accountId), Origin.system("sync"),
                io.mailsync.events.MessageLocator.pop3(uidl), null);
    }

    private static void deliver(MailUser user, String rfc822) {
        Mailboxes.append(GreenMailKit.imapPort(), user.login(), user.password(), rfc822, new Flags());
    }

    private static void deleteOnServer(MailUser user, String subject) {
        Mailboxes.withInbox(GreenMailKit.imapPort(), user.login(), user.password(), inbox -> {
            for (Message m : inbox.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            inbox.expunge();
        });
    }

    private static int serverCount(MailUser user) {
        AtomicInteger count = new AtomicInteger();
        Mailboxes.withInbox(GreenMailKit.imapPort(), user.login(), user.password(),
                inbox -> count.set(inbox.getMessageCount()));
        return count.get();
    }

    private static String uidlOf(MailUser user, String subject) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("pop3");
            store.connect("127.0.0.1", GreenMailKit.pop3Port(), user.login(), user.password());
            try {
                org.eclipse.angus.mail.pop3.POP3Folder inbox =
                        (org.eclipse.angus.mail.pop3.POP3Folder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> found = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    if (subject.equals(m.getSubject())) {
                        found.add(inbox.getUID(m));
                    }
                }
                inbox.close(false);
                return found.getFirst();
            } finally {
                store.close();
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String storedContent(String contentRef) {
        try (var client = MongoClients.create(MongoKit.baseUri())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GridFSBuckets.create(client.getDatabase(contentDatabase), "messages")
                    .downloadToStream(new ObjectId(contentRef.substring("gridfs:".length())), out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
