package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPStore;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** mutt as another device: what it flags, reads and deletes is so on the server for every other client. */
class MuttClientIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void flagsReadsAndDeletesReachTheServer(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("mutt", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "invoice", "one"));
        server.deliver(user, MailText.simple("b@example.test", user.address(), "newsletter", "two"));
        server.deliver(user, MailText.simple("c@example.test", user.address(), "party", "three"));

        try (MuttClient desktop = MuttClient.of(server, user)) {
            desktop.toggleFlag("invoice");
            desktop.markRead("party");
            desktop.delete("newsletter");
        }

        Map<String, Flags> onServer = flagsBySubject(server, user);
        assertThat(onServer).containsOnlyKeys("invoice", "party");
        assertThat(onServer.get("invoice").contains(Flags.Flag.FLAGGED)).isTrue();
        assertThat(onServer.get("invoice").contains(Flags.Flag.SEEN)).isFalse();
        assertThat(onServer.get("party").contains(Flags.Flag.SEEN)).isTrue();
        assertThat(onServer.get("party").contains(Flags.Flag.FLAGGED)).isFalse();
    }

    private static Map<String, Flags> flagsBySubject(MailServer server, MailUser user) throws Exception {
        try (IMAPStore imap = Stores.imap(server, user)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Map<String, Flags> flags = new LinkedHashMap<>();
            for (Message message : inbox.getMessages()) {
                flags.put(message.getSubject(), message.getFlags());
            }
            inbox.close(false);
            return flags;
        }
    }
}
