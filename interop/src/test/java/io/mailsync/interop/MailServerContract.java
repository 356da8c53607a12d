package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Folder;
import jakarta.mail.Quota;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What every launcher must give: a user who sees delivered mail over IMAP and over POP3, and only their own. */
interface MailServerContract {

    MailServer server();

    @Test
    default void aDeliveredMessageIsSeenOverImapAndPop3() throws Exception {
        MailServer server = server();
        MailUser user = server.newUser("interop", 1024 * 1024);
        server.deliver(user, MailText.simple("sender@example.test", user.address(), "hello " + server.name(), "body"));

        try (Store imap = Stores.imap(server, user)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hello " + server.name());
            inbox.close(false);
        }
        try (Store pop3 = Stores.pop3(server, user)) {
            Folder inbox = pop3.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hello " + server.name());
            inbox.close(false);
        }
    }

    @Test
    default void usersAreSeparate() throws Exception {
        MailServer server = server();
        MailUser one = server.newUser("interop", 0);
        MailUser other = server.newUser("interop", 0);
        server.deliver(one, MailText.simple("sender@example.test", one.address(), "for one", "body"));

        try (Store imap = Stores.imap(server, other)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            inbox.close(false);
        }
    }

    @Test
    default void reportsTheProvisionedStorageQuota() throws Exception {
        MailUser user = server().newUser("quota", 100 * 1024);
        try (IMAPStore imap = Stores.imap(server(), user)) {
            Quota.Resource storage = imap.getQuota("INBOX")[0].resources[0];
            assertThat(storage.name).isEqualToIgnoringCase("STORAGE");
            assertThat(storage.limit).isEqualTo(100);
        }
    }

    /** Usage counts delivered mail: what mailsync reports where the server answers GETQUOTAROOT. */
    @Test
    default void reportsStorageUsageOfDeliveredMail() throws Exception {
        MailServer server = server();
        MailUser user = server.newUser("usage", 1024 * 1024);
        server.deliver(user, MailText.simple("sender@example.test", user.address(), "big", "x".repeat(20_000)));
        try (IMAPStore imap = Stores.imap(server, user)) {
            Quota.Resource storage = imap.getQuota("INBOX")[0].resources[0];
            assertThat(storage.usage).isBetween(19L, 22L); // KiB: the 20,000-byte body plus headers
        }
    }

    /**
     * A delivery that would pass the storage quota is refused by the server's own delivery path; Cyrus's lmtpd checks
     * the usage before the message (lmtp_strict_quota off, its default), so it takes the one that crosses the limit
     * and refuses the next.
     */
    @Test
    default void deliveriesPastTheQuotaAreRefused() throws Exception {
        MailServer server = server();
        Assumptions.assumeFalse(server.name().equals("greenmail"),
                "GreenMail does not enforce quotas on delivery");
        MailUser user = server.newUser("full", 10 * 1024);
        String big = MailText.simple("sender@example.test", user.address(), "too big", "x".repeat(20_000));
        boolean takesTheCrossingMessage = server.name().equals("cyrus");
        if (takesTheCrossingMessage) {
            server.deliver(user, big);
            String small = MailText.simple("sender@example.test", user.address(), "small", "x");
            assertThatThrownBy(() -> server.deliver(user, small)).isInstanceOf(IllegalStateException.class);
        } else {
            assertThatThrownBy(() -> server.deliver(user, big)).isInstanceOf(IllegalStateException.class);
        }
        try (Store imap = Stores.imap(server, user)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(takesTheCrossingMessage ? 1 : 0);
            inbox.close(false);
        }
    }

    /** IDLE push, not polling: Cyrus needs idled, Courier needs gamin, or this takes 60 s. */
    @Test
    default void anIdlingClientSeesADeliveryWithinSeconds() throws Exception {
        MailServer server = server();
        MailUser user = server.newUser("idle", 0);
        try (IMAPStore imap = Stores.imap(server, user)) {
            IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            AtomicInteger arrived = new AtomicInteger();
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    arrived.addAndGet(event.getMessages().length);
                }
            });
            Thread idler = Thread.ofVirtual().start(() -> {
                try {
                    while (arrived.get() == 0 && inbox.isOpen()) {
                        inbox.idle(true);
                    }
                } catch (Exception closed) {
                    // the folder closes when the test ends
                }
            });
            // nothing arrives unasked; meanwhile the IDLE command gets under way, so what follows proves push
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> arrived.get() == 0);
            server.deliver(user, MailText.simple("sender@example.test", user.address(), "pushed", "body"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> arrived.get() == 1);
            idler.join(Duration.ofSeconds(5));
        }
    }

    @Test
    default void aUidValidityResetKeepsTheMessages() throws Exception {
        MailServer server = server();
        Assumptions.assumeTrue(server.canResetUidValidity(),
                server.name() + " cannot be made to change UIDVALIDITY");
        MailUser user = server.newUser("uidvalidity", 0);
        server.deliver(user, MailText.simple("sender@example.test", user.address(), "kept", "body"));
        long before = uidValidity(server, user);

        server.resetUidValidity(user);

        assertThat(uidValidity(server, user)).isNotEqualTo(before);
        try (Store imap = Stores.imap(server, user)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("kept");
            inbox.close(false);
        }
    }

    private static long uidValidity(MailServer server, MailUser user) throws Exception {
        try (IMAPStore imap = Stores.imap(server, user)) {
            IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long uidValidity = inbox.getUIDValidity();
            inbox.close(false);
            return uidValidity;
        }
    }
}
