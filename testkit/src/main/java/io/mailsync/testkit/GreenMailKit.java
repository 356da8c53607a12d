package io.mailsync.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;

/** GreenMail's IMAP, POP3 and SMTP servers in-process, on free ports, started once per JVM. */
public final class GreenMailKit {

    private static GreenMail greenMail;

    private GreenMailKit() {
    }

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
            greenMail.start();
            ShutdownOrder.infrastructure(greenMail::stop);
        }
        return greenMail;
    }

    public static int imapPort() {
        return server().getImap().getPort();
    }

    public static int pop3Port() {
        return server().getPop3().getPort();
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** A new mailbox of its own: {@code user-xxxx@example.test} with a random password. */
    public static MailUser newUser(String prefix) {
        String login = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String address = login + "@example.test";
        server().setUser(address, login, password);
        return new MailUser(address, login, password);
    }

    public record MailUser(String address, String login, String password) {
        @Override
        public String toString() {
            return "MailUser[" + address + "]"; // never the password
        }
    }
}
