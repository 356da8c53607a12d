package io.mailsync.fetcher.support;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Another IMAP client: appends and changes messages the way a user's mail program would. */
public final class Mailboxes {

    private Mailboxes() {
    }

    public static void append(int port, String login, String password, String rfc822, Flags flags) {
        withInbox(port, login, password, inbox -> {
            Message message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)));
            message.setFlags(flags, true);
            inbox.appendMessages(new Message[] {message});
        });
    }

    /** Creates {@code folder} and appends a message to it. */
    public static void appendTo(int port, String login, String password, String folder, String rfc822) {
        withInbox(port, login, password, inbox -> {
            Folder target = inbox.getStore().getFolder(folder);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            target.appendMessages(new Message[] {new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)))});
        });
    }

    public interface InboxAction {
        void run(Folder inbox) throws MessagingException;
    }

    public static void withInbox(int port, String login, String password, InboxAction action) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", port, login, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                action.run(inbox);
                inbox.close(false);
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
