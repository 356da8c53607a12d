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
import org.junit.jupiter.api.Test;

/** mutt as another device: what it flags, reads and deletes is so on the server for every other client. */
class MuttClientIT {

    private final MailServer server = DovecotServer.shared();

    @Test
    void flagsReadsAndDeletesReachTheServer() throws Exception {
        MailUser user = server.newUser("mutt", 0);
        server.deliver(user, MailText.simple("a@example.test", user.address(), "invoice", "one"));
        server.deliver(user, MailText.simple("b@example.test", user.address(), "newsletter", "two"));
        server.deliver(user, MailText.simple("c@example.test", user.address(), "party", "three"));

        try (MuttClient desktop = MuttClient.of(server, user)) {
            desktop.toggleFlag("invoice");
            desktop.markRead("party");
            desktop.delete("newsletter");
        }

        Map<String, Flags> onServer = flagsBySubject(user);
        assertThat(onServer).containsOnlyKeys("invoice", "party");
        assertThat(onServer.get("invoice").contains(Flags.Flag.FLAGGED)).isTrue();
        assertThat(onServer.get("invoice").contains(Flags.Flag.SEEN)).isFalse();
        assertThat(onServer.get("party").contains(Flags.Flag.SEEN)).isTrue();
        assertThat(onServer.get("party").contains(Flags.Flag.FLAGGED)).isFalse();
    }

    private Map<String, Flags> flagsBySubject(MailUser user) throws Exception {
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
