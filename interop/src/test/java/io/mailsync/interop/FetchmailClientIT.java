package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Folder;
import org.eclipse.angus.mail.pop3.POP3Store;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** fetchmail as another device over POP3: with keep, the mail stays for every other device. */
class FetchmailClientIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void takesMailWithKeepAndLeavesItOnTheServer(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("fetchmail", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "first", "one"));

        try (FetchmailClient phone = FetchmailClient.keeping(server, user)) {
            assertThat(phone.fetch()).containsExactly("first");
            assertThat(messagesOnServer(server, user)).isEqualTo(1);

            server.deliver(user, MailText.simple("b@example.test", user.address(), "second", "two"));
            // UIDL: only what is new since the last run
            assertThat(phone.fetch()).containsExactly("second");
            assertThat(phone.fetch()).isEmpty();
        }
        assertThat(messagesOnServer(server, user)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void withoutKeepTakesTheMailOffTheServer(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("fetchmail", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "taken", "one"));

        try (FetchmailClient desktop = FetchmailClient.deleting(server, user)) {
            assertThat(desktop.fetch()).containsExactly("taken");
        }
        assertThat(messagesOnServer(server, user)).isZero();
    }

    private static int messagesOnServer(MailServer server, MailUser user) throws Exception {
        try (POP3Store pop3 = Stores.pop3(server, user)) {
            Folder inbox = pop3.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            return count;
        }
    }
}
