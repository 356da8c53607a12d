package io.mailsync.reliability;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Another IMAP client on the same mailbox (a desktop mail program, say): its own connection, its own changes. */
final class OtherImapClient implements AutoCloseable {

    private final Store store;
    private final Folder inbox;

    OtherImapClient(int port, MailUser user) {
        try {
            store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", port, user.login(), user.password());
            inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
        } catch (MessagingException e) {
            throw new IllegalStateException("the other IMAP client could not log in", e);
        }
    }

    void append(String rfc822) {
        try {
            inbox.appendMessages(new Message[] {new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.UTF_8)))});
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code UID STORE uid +FLAGS (flag)} as any client would. */
    void addFlag(long uid, Flags.Flag flag) {
        try {
            Message m = ((UIDFolder) inbox).getMessageByUID(uid);
            m.setFlag(flag, true);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server holds {@code flag} on the message now (asked afresh, not from this client's cache). */
    boolean has(long uid, Flags.Flag flag) {
        try {
            inbox.getMessageCount(); // a NOOP: picks up other sessions' changes
            Message m = ((UIDFolder) inbox).getMessageByUID(uid);
            m.getFlags(); // refreshed by the NOOP's untagged FETCH, or fetched now
            return m.isSet(flag);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (MessagingException ignored) {
            // going away
        }
    }
}
