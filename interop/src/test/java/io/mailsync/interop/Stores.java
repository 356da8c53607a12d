package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.pop3.POP3Store;

/** Angus Mail sessions to a {@link MailServer} as one of its users: what a test uses to look at the mailbox. */
public final class Stores {

    private Stores() {
    }

    public static IMAPStore imap(MailServer server, MailUser user) throws MessagingException {
        IMAPStore store = (IMAPStore) session().getStore("imap");
        store.connect(server.host(), server.imapPort(), user.login(), user.password());
        return store;
    }

    public static POP3Store pop3(MailServer server, MailUser user) throws MessagingException {
        POP3Store store = (POP3Store) session().getStore("pop3");
        store.connect(server.host(), server.pop3Port(), user.login(), user.password());
        return store;
    }

    private static Session session() {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "15000");
        properties.setProperty("mail.pop3.connectiontimeout", "5000");
        properties.setProperty("mail.pop3.timeout", "15000");
        return Session.getInstance(properties);
    }
}
