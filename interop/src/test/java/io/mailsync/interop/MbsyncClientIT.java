package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import org.eclipse.angus.mail.imap.IMAPStore;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** mbsync as another device: what it marks read is read on the server, for every other client to see. */
class MbsyncClientIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void messagesReadOnTheMbsyncDeviceAreSeenOnTheServer(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("mbsync", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "first", "one"));
        server.deliver(user, MailText.simple("b@example.test", user.address(), "second", "two"));

        try (MbsyncClient laptop = MbsyncClient.of(server, user)) {
            laptop.sync();
            assertThat(laptop.localMessages()).isEqualTo(2);
            assertThat(seenOnServer(server, user)).containsExactly(false, false);

            laptop.markAllReadLocally();
            laptop.sync();
        }

        assertThat(seenOnServer(server, user)).containsExactly(true, true);
    }

    private static Boolean[] seenOnServer(MailServer server, MailUser user) throws Exception {
        try (IMAPStore imap = Stores.imap(server, user)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            Boolean[] seen = new Boolean[messages.length];
            for (int i = 0; i < messages.length; i++) {
                seen[i] = messages[i].isSet(Flags.Flag.SEEN);
            }
            inbox.close(false);
            return seen;
        }
    }
}
