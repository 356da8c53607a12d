package io.mailsync.interop;

import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * What another IMAP client (Angus Mail, read-only) sees in a user's INBOX on a server: the scenarios' view of the
 * server side. POP3 maildrops are read this way too (the maildrop is the INBOX on all four servers), so a check never
 * takes the POP3 lock mailsync's poll needs.
 */
final class ServerView {

    private ServerView() {
    }

    static Flags flags(MailServer server, MailUser user, String header) throws Exception {
        return read(server, user, inbox -> find(inbox, header).getFlags());
    }

    static long size(MailServer server, MailUser user, String header) throws Exception {
        return read(server, user, inbox -> (long) find(inbox, header).getSize());
    }

    /** The Message-ID headers of every message in the INBOX, in server order. */
    static List<String> messageIds(MailServer server, MailUser user) throws Exception {
        return read(server, user, inbox -> {
            List<String> ids = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                String[] values = message.getHeader("Message-ID");
                ids.add(values == null ? "" : values[0]);
            }
            return ids;
        });
    }

    static long uidValidity(MailServer server, MailUser user) throws Exception {
        return read(server, user, inbox -> ((jakarta.mail.UIDFolder) inbox).getUIDValidity());
    }

    /**
     * UIDNEXT as the SELECT (EXAMINE) response gave it, which Angus Mail's {@code getUIDNext()} answers for an open
     * folder without asking again: -1 when the server sent no {@code OK [UIDNEXT n]}.
     */
    static long uidNextAtSelect(MailServer server, MailUser user) throws Exception {
        return read(server, user, inbox -> ((org.eclipse.angus.mail.imap.IMAPFolder) inbox).getUIDNext());
    }

    interface Reading<T> {
        T from(Folder inbox) throws Exception;
    }

    private static <T> T read(MailServer server, MailUser user, Reading<T> reading) throws Exception {
        try (IMAPStore store = Stores.imap(server, user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return reading.from(inbox);
            } finally {
                inbox.close(false);
            }
        }
    }

    private static Message find(Folder inbox, String header) throws Exception {
        for (Message message : inbox.getMessages()) {
            String[] values = message.getHeader("Message-ID");
            if (values != null && List.of(values).contains(header)) {
                return message;
            }
        }
        throw new AssertionError("no message " + header + " on the server");
    }
}
