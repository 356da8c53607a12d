package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a change another client makes is announced in the answer to whatever command the session sends next — a
 * NOOP to read the message count, a poll — and an IDLE started after it would not announce it again. The folder
 * counts such announcements (a flag change moves no message count), so the session knows to sync before it idles;
 * the answer to a command that asks for no message data counts nothing by itself. Those saying that mail came or went
 * are counted apart: a session compares them around a sync, reading them without a command — where Angus' message
 * count sends a NOOP after every IDLE.
 */
class ServerAnnouncementsIT {

    private final Dovecot dovecot = Dovecot.shared();

    @Test
    void changesAnnouncedInTheAnswerToAnotherCommandAreCounted() throws Exception {
        MailUser user = dovecot.newUser("announced", "*:storage=10M");
        try (Selected selected = selectInbox(user)) {
            IMAPFolder folder = selected.folder();
            ImapRemoteFolder inbox = selected.inbox();
            long before = inbox.announcements();
            long countsBefore = inbox.countAnnouncements();

            folder.doCommand(p -> p.getQuotaRoot("INBOX"));
            noop(folder);
            assertThat(inbox.announcements()).as("nothing changed: a quota read and a NOOP announce nothing")
                    .isEqualTo(before);

            dovecot.doveadm("flags", "add", "-u", user.login(), "\\Flagged", "mailbox", "INBOX", "all");
            noop(folder);
            assertThat(inbox.announcements()).as("another client's flag change, in the answer to a NOOP")
                    .isGreaterThan(before);
            assertThat(folder.getMessageCount()).as("which moves no message count").isEqualTo(1);
            assertThat(inbox.countAnnouncements()).as("nor the count's announcements").isEqualTo(countsBefore);

            long afterFlag = inbox.announcements();
            dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "second", "2"));
            noop(folder);
            assertThat(inbox.announcements()).as("new mail").isGreaterThan(afterFlag);
            long afterMailCounts = inbox.countAnnouncements();
            assertThat(afterMailCounts).as("new mail moves the count").isGreaterThan(countsBefore);

            long afterMail = inbox.announcements();
            dovecot.doveadm("expunge", "-u", user.login(), "mailbox", "INBOX", "all");
            noop(folder);
            assertThat(inbox.announcements()).as("an expunge").isGreaterThan(afterMail);
            assertThat(inbox.countAnnouncements()).as("an expunge moves the count").isGreaterThan(afterMailCounts);
        }
    }

    @Test
    void theCountsAnnouncementsAreReadWithoutAskingTheServer() throws Exception {
        MailUser user = dovecot.newUser("counted", "*:storage=10M");
        try (Selected selected = selectInbox(user)) {
            ImapRemoteFolder inbox = selected.inbox();
            Thread.sleep(1_100); // the connection's last command over a second old, as after an IDLE
            dovecot.doveadm("flags", "add", "-u", user.login(), "\\Flagged", "mailbox", "INBOX", "all");
            long before = inbox.announcements();

            inbox.countAnnouncements();
            assertThat(inbox.announcements()).as("reading the count's announcements asked nothing: the flag change"
                    + " is not announced yet").isEqualTo(before);
            inbox.messageCount();
            assertThat(inbox.announcements()).as("Angus' message count sent a NOOP, whose answer announced it")
                    .isGreaterThan(before);
        }
    }

    /** The user's INBOX, holding one message, selected on a connection of its own. */
    private Selected selectInbox(MailUser user) throws Exception {
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "first", "1"));
        IMAPStore store = (IMAPStore) Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        return new Selected(store, folder, new ImapRemoteFolder(folder, true, true, true, () -> { }, () -> null,
                Duration.ofSeconds(10), new ImapSockets(SocketFactory.getDefault())));
    }

    private record Selected(IMAPStore store, IMAPFolder folder, ImapRemoteFolder inbox) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            store.close();
        }
    }

    private static void noop(IMAPFolder folder) throws Exception {
        folder.doCommand(p -> {
            p.simpleCommand("NOOP", null);
            return null;
        });
    }
}
