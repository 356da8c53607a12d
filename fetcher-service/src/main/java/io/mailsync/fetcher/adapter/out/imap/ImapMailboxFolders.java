package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.MailboxFolders;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Issue 11's folder commands on one logged-in store: APPEND, SEARCH by Message-ID, EXPUNGE and MOVE. Each works on
 * the session's open folder of that name where there is one (the connection it holds), else on a folder opened for
 * the command and closed after.
 */
final class ImapMailboxFolders implements MailboxFolders {

    private final IMAPStore store;
    private final List<IMAPFolder> opened;
    private final boolean uidplus;
    private final boolean moveCommand;

    /** {@code opened}: the session's open folders, shared with the {@link ImapMailboxConnection} that opens them. */
    ImapMailboxFolders(IMAPStore store, List<IMAPFolder> opened, boolean uidplus, boolean moveCommand) {
        this.store = store;
        this.opened = opened;
        this.uidplus = uidplus;
        this.moveCommand = moveCommand;
    }

    @Override
    public void append(String name, String specialUse, byte[] rfc822, Set<Keyword> keywords, Instant internalDate) {
        try {
            Folder target = folderFor(name, specialUse);
            MimeMessage message = new MimeMessage((Session) null, new ByteArrayInputStream(rfc822)) {
                @Override
                public Date getReceivedDate() {
                    return internalDate == null ? null : Date.from(internalDate); // APPEND's date-time
                }
            };
            message.setFlags(imapFlags(keywords), true);
            target.appendMessages(new Message[] {message});
        } catch (MessagingException e) {
            throw ImapFailures.translate("append to " + name, e);
        }
    }

    private static Flags imapFlags(Set<Keyword> keywords) {
        Flags imapFlags = new Flags();
        for (Keyword keyword : keywords) {
            String flag = keyword.toImapFlag();
            switch (flag.toLowerCase(Locale.ROOT)) {
                case "\\seen" -> imapFlags.add(Flags.Flag.SEEN);
                case "\\flagged" -> imapFlags.add(Flags.Flag.FLAGGED);
                case "\\answered" -> imapFlags.add(Flags.Flag.ANSWERED);
                case "\\draft" -> imapFlags.add(Flags.Flag.DRAFT);
                case "\\deleted" -> imapFlags.add(Flags.Flag.DELETED);
                default -> imapFlags.add(flag);
            }
        }
        return imapFlags;
    }

    @Override
    public String resolveFolder(String name, String specialUse) {
        try {
            return folderFor(name, specialUse).getFullName();
        } catch (MessagingException e) {
            throw ImapFailures.translate("find folder " + name, e);
        }
    }

    /** The folder marked {@code specialUse} (RFC 6154), else the one named {@code name}, created if missing. */
    private Folder folderFor(String name, String specialUse) throws MessagingException {
        Folder target = specialUse == null ? null : bySpecialUse(specialUse);
        if (target == null) {
            target = store.getFolder(name);
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("could not create folder " + name);
            }
        }
        return target;
    }

    /** RFC 6154: the folder whose LIST attributes include {@code specialUse}, if the server marks one. */
    private Folder bySpecialUse(String specialUse) throws MessagingException {
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if (folder instanceof IMAPFolder imap) {
                for (String attribute : imap.getAttributes()) {
                    if (attribute.equalsIgnoreCase(specialUse)) {
                        return folder;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public List<Found> findByMessageId(String name, String messageIdHeader) {
        return withFolder(name, Folder.READ_ONLY, "search " + name, folder -> {
            List<Found> found = new ArrayList<>();
            for (Message m : folder.search(new HeaderTerm("Message-ID", messageIdHeader))) {
                String[] ids = m.getHeader("Message-ID");
                // SEARCH HEADER is a substring match (RFC 3501 §6.4.4): keep only the exact Message-ID
                if (ids != null && Arrays.stream(ids).anyMatch(id -> id.trim().equals(messageIdHeader))) {
                    found.add(new Found(new Uid(folder.getUID(m)), m.getSize()));
                }
            }
            return found;
        });
    }

    @Override
    public boolean expunge(String name, Collection<Uid> uids) {
        return withFolder(name, Folder.READ_WRITE, "expunge in " + name, folder -> expunge(folder, uids));
    }

    private boolean expunge(IMAPFolder folder, Collection<Uid> uids) throws MessagingException {
        Message[] messages = Arrays.stream(folder.getMessagesByUID(uids.stream().mapToLong(Uid::value).toArray()))
                .filter(Objects::nonNull).toArray(Message[]::new);
        if (messages.length == 0) {
            return true;
        }
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (uidplus) {
            folder.expunge(messages); // UID EXPUNGE of exactly these
            return true;
        }
        Message[] deleted = folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), true));
        if (deleted.length != messages.length) {
            return false; // a plain EXPUNGE would also carry out another client's pending deletions
        }
        folder.expunge();
        return true;
    }

    @Override
    public boolean move(MessageLocator from, String target) {
        return withFolder(from.folder(), Folder.READ_WRITE, "move from " + from.folder(), folder -> {
            if (folder.getUIDValidity() != from.uidValidity()) {
                return false;
            }
            Message message = folder.getMessageByUID(from.uid());
            if (message == null || message.isExpunged()) {
                return false;
            }
            Folder to = store.getFolder(target);
            if (moveCommand) {
                folder.moveMessages(new Message[] {message}, to);
                return true;
            }
            folder.copyMessages(new Message[] {message}, to);
            if (!expunge(folder, List.of(new Uid(from.uid())))) {
                throw new MessagingException("copied to " + target + ", but the original is only flagged \\Deleted:"
                        + " no UIDPLUS, and another message is \\Deleted too");
            }
            return true;
        });
    }

    private interface FolderWork<T> {
        T on(IMAPFolder folder) throws MessagingException;
    }

    /**
     * On the session's open folder of that name where there is one, else on one opened for this and closed. The
     * session's folders are all selected read-write; not asked {@code isOpen()} or {@code getMode()}, which send a
     * NOOP when the connection's last command is over a second old — a round trip before every move out of a folder
     * the session idles on (issue 18). One Angus closed with its connection fails the work as unreachable, and the
     * session connects again.
     */
    private <T> T withFolder(String name, int mode, String what, FolderWork<T> work) {
        try {
            for (IMAPFolder open : opened) {
                if (open.getFullName().equals(name)) {
                    return work.on(open);
                }
            }
            IMAPFolder folder = (IMAPFolder) store.getFolder(name);
            folder.open(mode);
            try {
                return work.on(folder);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } catch (MessagingException e) {
            throw ImapFailures.translate(what, e);
        }
    }
}
