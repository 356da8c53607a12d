package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.MessageLocator;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxFolders.Found;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a mailbox of a budgeted host does its work on other folders — a folder polled, a sent copy appended, a
 * search, a MOVE, a folder that does not exist — on its one connection, and INBOX is selected again after each, still
 * seeing new mail. Without the rule Angus logs in a second connection for the first of these and keeps it pooled.
 * Dovecot's {@code doveadm who} counts what the server holds.
 */
class ImapOneConnectionIT {

    @Test
    void otherFolderWorkRunsOnTheMailboxsOneConnectionAndInboxIsSelectedAgainAfterIt() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("one", null);
        dovecot.doveadm("mailbox", "create", "-u", user.login(), "Archive");
        dovecot.deliver(user, "Archive", MailText.simple("a@example.net", user.address(), "archived", "0"));
        String trashed = "<" + UUID.randomUUID() + "@example.net>";
        dovecot.deliver(user, MailText.withMessageId(trashed, "a@example.net", user.address(), "spam", "1"));
        ImapMailboxConnection c = connect(dovecot, user);
        RemoteFolder inbox = c.open("INBOX");
        assertThat(inbox.messageCount()).isEqualTo(1);
        assertThat(sessions(dovecot, user)).isEqualTo(1);

        RemoteFolder archive = c.open("Archive"); // a watched folder's poll
        assertThat(archive.messageCount()).isEqualTo(1);
        assertThat(sessions(dovecot, user)).as("while Archive is open").isEqualTo(1);
        c.release(archive);
        String sent = c.resolveFolder("Sent", "\\Sent");
        String header = "<" + UUID.randomUUID() + "@example.net>";
        c.append(sent, null, MailText.withMessageId(header, user.address(), "b@example.net", "sent", "2")
                .getBytes(StandardCharsets.UTF_8), Set.of(), null);
        assertThat(c.findByMessageId(sent, header)).hasSize(1);
        List<Found> spam = c.findByMessageId("INBOX", trashed);
        assertThat(c.move(MessageLocator.imap("INBOX", inbox.uidValidity().value(), spam.getFirst().uid().value()),
                Dovecot.TRASH)).isTrue();
        assertThatThrownBy(() -> c.open("No such folder")).isInstanceOf(MailServerException.class);
        assertThat(sessions(dovecot, user)).as("after an APPEND, a SEARCH, a MOVE and a failed SELECT").isEqualTo(1);

        // INBOX is selected again on that connection: it saw the MOVE and sees the next delivery
        dovecot.deliver(user, MailText.simple("a@example.net", user.address(), "next", "3"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            inbox.awaitChange(Duration.ofMillis(500));
            return inbox.messageCount() == 1 && inbox.messagesFrom(1, 10).size() == 1;
        });
        assertThat(sessions(dovecot, user)).isEqualTo(1);
        c.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions(dovecot, user) == 0);
    }

    /** A lost slot aborts the connection: a later poll or command fails, and nothing logs in behind the budget. */
    @Test
    void afterAnAbortNoOtherFolderWorkLogsInAgain() {
        Dovecot dovecot = Dovecot.shared();
        MailUser user = dovecot.newUser("aborted", null);
        ImapMailboxConnection c = connect(dovecot, user);
        c.open("INBOX");
        c.abort();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions(dovecot, user) == 0);

        assertThatThrownBy(() -> c.open("Archive")).isInstanceOf(MailServerException.Unreachable.class);
        assertThatThrownBy(() -> c.resolveFolder("Sent", "\\Sent"))
                .isInstanceOf(MailServerException.Unreachable.class);
        assertThat(sessions(dovecot, user)).isZero();
        c.close();
    }

    private static ImapMailboxConnection connect(Dovecot dovecot, MailUser user) {
        try {
            IMAPStore store = (IMAPStore) Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", dovecot.imapPort(), user.login(), user.password());
            return new ImapMailboxConnection(store, () -> { }, Duration.ofSeconds(10), true,
                    new ImapSockets(SocketFactory.getDefault()));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sessions(Dovecot dovecot, MailUser user) {
        return dovecot.doveadm("who", "-1").lines().filter(line -> line.startsWith(user.login() + " ")).count();
    }
}
