package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Folder;
import jakarta.mail.Store;
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
}
