package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Folder;
import org.eclipse.angus.mail.pop3.POP3Store;
import org.junit.jupiter.api.Test;

/** fetchmail as another device over POP3: with keep, the mail stays for every other device. */
class FetchmailClientIT {

    private final MailServer server = DovecotServer.shared();

    @Test
    void takesMailWithKeepAndLeavesItOnTheServer() throws Exception {
        MailUser user = server.newUser("fetchmail", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "first", "one"));

        try (FetchmailClient phone = FetchmailClient.keeping(server, user)) {
            assertThat(phone.fetch()).containsExactly("first");
            assertThat(messagesOnServer(user)).isEqualTo(1);

            server.deliver(user, MailText.simple("b@example.test", user.address(), "second", "two"));
            // UIDL: only what is new since the last run
            assertThat(phone.fetch()).containsExactly("second");
            assertThat(phone.fetch()).isEmpty();
        }
        assertThat(messagesOnServer(user)).isEqualTo(2);
    }

    @Test
    void withoutKeepTakesTheMailOffTheServer() throws Exception {
        MailUser user = server.newUser("fetchmail", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "taken", "one"));

        try (FetchmailClient desktop = FetchmailClient.deleting(server, user)) {
            assertThat(desktop.fetch()).containsExactly("taken");
        }
        assertThat(messagesOnServer(user)).isZero();
    }

    private int messagesOnServer(MailUser user) throws Exception {
        try (POP3Store pop3 = Stores.pop3(server, user)) {
            Folder inbox = pop3.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            return count;
        }
    }
}
