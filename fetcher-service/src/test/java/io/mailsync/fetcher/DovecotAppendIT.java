package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.AppendMessage;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.support.FetcherIntegrationTest;
import io.mailsync.fetcher.support.Mailboxes;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11 on a real Dovecot: a device's sent copy is APPENDed to the folder marked SPECIAL-USE {@code \Sent}
 * ("Sent Messages" here, not the configured "Sent": found by the attribute, not the name) with {@code \Seen}; a
 * restored message goes back to INBOX and arrives again with the same Message-ID and size, which is what
 * sync-service re-matches on. A replaced draft leaves one copy in {@code \Drafts}; a trashed message is MOVEd to
 * {@code \Trash} ("Deleted Messages").
 */
@SpringBootTest(classes = FetcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=fetcher-service", "mailsync.fetcher.session.start-stagger=0s"})
class DovecotAppendIT extends FetcherIntegrationTest {

    @Autowired
    ContentStore contents;

    @Test
    void aSentCopyLandsInSentSeenAndARestoredMessageArrivesAgainInInbox() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("append", null);
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imap(accountId, dovecot.imapPort(), user.login(), user.password()));
        awaitStatus(accountId, Status.IDLE);
        String header = "<" + UUID.randomUUID() + "@example.net>";
        byte[] rfc822 = MailText.withMessageId(header, user.address(), "bob@example.net", "sent from the phone",
                "see you").getBytes(StandardCharsets.UTF_8);
        String contentRef = contents.put(AccountId.of(accountId), "sent", rfc822);

        accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                "Sent", "\\Sent", contentRef, rfc822.length, header, Set.of("$seen"), null));
        accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                "INBOX", null, contentRef, rfc822.length, header, Set.of("$flagged"), null));

        List<MessageArrived> arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> events.of(MessageArrived.class, accountId), list -> !list.isEmpty());
        assertThat(arrived.getFirst().locator().folder()).isEqualTo("INBOX");
        assertThat(arrived.getFirst().messageIdHeader()).isEqualTo(header);
        assertThat(arrived.getFirst().size()).isEqualTo(rfc822.length);
        assertThat(arrived.getFirst().flags()).contains("$flagged");
        AtomicBoolean sentAndSeen = new AtomicBoolean();
        Mailboxes.withInbox(dovecot.imapPort(), user.login(), user.password(), inbox -> {
            Folder sent = inbox.getStore().getFolder(Dovecot.SENT);
            sent.open(Folder.READ_ONLY);
            sentAndSeen.set(!inbox.getStore().getFolder("Sent").exists() && sent.getMessageCount() == 1 && sent.getMessage(1).isSet(Flags.Flag.SEEN)
                    && "sent from the phone".equals(sent.getMessage(1).getSubject()));
            sent.close(false);
        });
        assertThat(sentAndSeen).isTrue();
        accounts.remove(accountId);
    }

    @Test
    void aReplacedDraftIsOnceInDraftsAndATrashedMessageIsMovedToTrash() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("drafts", null);
        String accountId = "acc-" + UUID.randomUUID();
        accounts.register(accounts.imap(accountId, dovecot.imapPort(), user.login(), user.password()));
        awaitStatus(accountId, Status.IDLE);
        String header = "<" + UUID.randomUUID() + "@example.net>";
        byte[] v1 = MailText.withMessageId(header, user.address(), "bob@example.net", "draft", "first words")
                .getBytes(StandardCharsets.UTF_8);
        byte[] v2 = MailText.withMessageId(header, user.address(), "bob@example.net", "draft", "first and more words")
                .getBytes(StandardCharsets.UTF_8);
        accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                "Drafts", "\\Drafts", contents.put(AccountId.of(accountId), "d1", v1), v1.length, header, Set.of("$draft"), null));
        accounts.command(new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"),
                "Drafts", "\\Drafts", contents.put(AccountId.of(accountId), "d2", v2), v2.length, header, Set.of("$draft"), null,
                header));
        String trashHeader = "<" + UUID.randomUUID() + "@example.net>";
        dovecot.deliver(user, MailText.withMessageId(trashHeader, "ann@example.net", user.address(), "spam", "buy"));
        MessageArrived delivered = await().atMost(Duration.ofSeconds(20)).until(() -> events
                .of(MessageArrived.class, accountId).stream().filter(a -> trashHeader.equals(a.messageIdHeader()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        accounts.command(new io.mailsync.events.MoveMessage(UUID.randomUUID(), Instant.now(), AccountId.of(accountId),
                Origin.device("phone-1"), delivered.locator(), "Trash", "\\Trash", trashHeader, delivered.size()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Mailboxes.withInbox(dovecot.imapPort(),
                user.login(), user.password(), inbox -> {
                    Folder drafts = inbox.getStore().getFolder(Dovecot.DRAFTS);
                    drafts.open(Folder.READ_ONLY);
                    Folder trash = inbox.getStore().getFolder(Dovecot.TRASH);
                    trash.open(Folder.READ_ONLY);
                    assertThat(drafts.getMessageCount()).isEqualTo(1);
                    assertThat(drafts.getMessage(1).getSize()).isEqualTo(v2.length);
                    assertThat(drafts.getMessage(1).isSet(Flags.Flag.DRAFT)).isTrue();
                    assertThat(trash.getMessageCount()).isEqualTo(1);
                    assertThat(trash.getMessage(1).getHeader("Message-ID")[0]).isEqualTo(trashHeader);
                    assertThat(inbox.getMessageCount()).isZero();
                    assertThat(inbox.getStore().getFolder("Trash").exists()).isFalse();
                    drafts.close(false);
                    trash.close(false);
                }));
        accounts.remove(accountId);
    }

}
