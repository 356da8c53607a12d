package io.mailsync.devstack;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import io.mailsync.testkit.MailText;

/**
 * devstack's mail server: GreenMail on fixed loopback ports so a person can point a mail client at it, with three
 * demo mailboxes — an IMAP one, a POP3 one, and an IMAP one that is nearly full.
 */
final class DemoMailboxes implements AutoCloseable {

    static final int SMTP = 3025;
    static final int IMAP = 3143;
    static final int POP3 = 3110;
    static final String PASSWORD = "demo-password";
    static final String DEMO_DATE = "Mon, 2 Nov 2026 09:00:00 +0000";
    /** The nearly full mailbox's provisioned limit: 100 KiB, filled to ~85 % at start. */
    static final long NEARLY_FULL_LIMIT = 100 * 1024;

    private final GreenMail greenMail;

    DemoMailboxes() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(POP3, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
        greenMail.start();
        GreenMailUser alice = greenMail.setUser("alice@demo.test", "alice", PASSWORD);
        GreenMailUser bob = greenMail.setUser("bob@demo.test", "bob", PASSWORD);
        GreenMailUser carol = greenMail.setUser("carol@demo.test", "carol", PASSWORD);
        greenMail.setUser("notices@demo.test", "notices", PASSWORD); // where quota notices for the demo land
        deliver(alice, "<welcome-1@demo.test>", "Welcome to mailsync", "Mark me read on one device, see it on all.");
        deliver(alice, "<welcome-2@demo.test>", "Your second message", "Try PATCH .../messages/{id}.");
        deliver(bob, "<pop3-1@demo.test>", "POP3, but every device agrees", "mailsync keeps the read state.");
        String filler = "x".repeat(8 * 1024);
        for (int i = 1; i <= 10; i++) {
            deliver(carol, "<bulk-" + i + "@demo.test>", "Large attachment " + i, filler);
        }
    }

    static void deliver(GreenMailUser user, String messageId, String subject, String body) {
        // a fixed Date: GreenMail starts afresh each run (new UIDVALIDITY), and sync-service re-matches the demo
        // messages by Message-ID, size and date, so their ids and read state survive a devstack restart
        deliverText(user, MailText.withMessageId(messageId, "demo@mailsync.test", user.getEmail(), subject, body)
                .replaceFirst("(?m)^Date: .*$", "Date: " + DEMO_DATE));
    }

    /** Puts an RFC 822 text straight into a GreenMail mailbox, as its local delivery agent would. */
    static void deliverText(GreenMailUser user, String rfc822) {
        try {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException("could not deliver a message to " + user.getEmail(), e);
        }
    }

    GreenMail server() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
