package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.MailboxUsage;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;

/** One logged-in IMAP store and the folders opened on it. */
final class ImapConnection implements MailboxConnection {

    /**
     * Selecting with QRESYNC parameters makes Angus send {@code ENABLE QRESYNC} first (RFC 7162 §3.2.3). The
     * values never match a real folder, so the server answers as to a plain SELECT; the sync asks
     * {@code CHANGEDSINCE ... VANISHED} itself.
     */
    private static final ResyncData ENABLE_QRESYNC = new ResyncData(1, 1);

    private final IMAPStore store;
    private final List<IMAPFolder> opened = new CopyOnWriteArrayList<>();
    private final List<ImapRemoteFolder> waiting = new CopyOnWriteArrayList<>();
    private final Runnable idleWakeUp;
    private final java.time.Duration answerTimeout;
    private volatile String serverError;
    private volatile boolean closed;
    private final Set<String> capabilities = new HashSet<>();

    /**
     * Capabilities are read once, right after login: asked later, while a folder holds the store's connection,
     * Angus opens a second connection just to answer (two per mailbox, found by the P3 benchmark).
     */
    ImapConnection(IMAPStore store, Runnable idleWakeUp, java.time.Duration answerTimeout) {
        this.store = store;
        this.idleWakeUp = idleWakeUp;
        this.answerTimeout = answerTimeout;
        // every response reaches this listener (mail.imap.enableresponseevents): an untagged error ends the wait
        store.addStoreListener(event -> {
            if (event.getMessageType() == IMAPStore.RESPONSE && ServerErrors.isError(event.getMessage())) {
                serverError = event.getMessage().trim();
                waiting.forEach(f -> Thread.ofVirtual().start(f::wakeUp));
            }
        });
        for (String capability : List.of("IDLE", "CONDSTORE", "QRESYNC", "QUOTA", "SPECIAL-USE", "UIDPLUS", "MOVE")) {
            try {
                if (store.hasCapability(capability)) {
                    capabilities.add(capability);
                }
            } catch (MessagingException e) {
                throw ImapFailures.translate("capabilities", e);
            }
        }
    }

    private boolean has(String capability) {
        return capabilities.contains(capability);
    }

    @Override
    public RemoteFolder open(String name) {
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(name);
            boolean qresync = has("QRESYNC");
            boolean condstore = qresync || has("CONDSTORE");
            if (qresync) {
                folder.open(Folder.READ_WRITE, ENABLE_QRESYNC);
            } else if (condstore) {
                folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
            } else {
                folder.open(Folder.READ_WRITE);
            }
            opened.add(folder);
            ImapRemoteFolder remote = new ImapRemoteFolder(folder, supportsPush(), condstore, qresync, idleWakeUp,
                    () -> serverError, answerTimeout);
            waiting.add(remote);
            return remote;
        } catch (MessagingException e) {
            throw ImapFailures.translate("select " + name, e);
        }
    }

    @Override
    public void release(RemoteFolder folder) {
        waiting.remove(folder);
        for (IMAPFolder open : opened) {
            if (open.getFullName().equals(folder.name())) {
                opened.remove(open);
                try {
                    if (open.isOpen()) {
                        open.close(false); // the connection returns to Angus' pool for the next folder
                    }
                } catch (MessagingException e) {
                    throw ImapFailures.translate("close " + folder.name(), e);
                }
                return;
            }
        }
    }

    @Override
    public boolean supportsPush() {
        return has("IDLE");
    }

    @Override
    public Optional<MailboxUsage> usage() {
        try {
            if (!has("QUOTA")) {
                return Optional.empty();
            }
            Quota[] roots = opened.isEmpty() ? store.getQuota("INBOX")
                    : (Quota[]) opened.getFirst().doCommand(p -> p.getQuotaRoot("INBOX"));
            return ImapQuota.usage(roots);
        } catch (MessagingException e) {
            if (unreadableAnswer(e)) {
                // the server answered, in a form we cannot read (GreenMail's QUOTA response): no quota, so the
                // INBOX is counted against the provisioned limit — never a reason to drop the session
                return Optional.empty();
            }
            throw ImapFailures.translate("GETQUOTAROOT", e);
        }
    }

    @Override
    public Optional<MailboxUsage> inboxSize() {
        IMAPFolder inbox = opened.stream().filter(f -> "INBOX".equalsIgnoreCase(f.getFullName())).findFirst()
                .orElse(null);
        if (inbox == null || !inbox.isOpen()) {
            return Optional.empty();
        }
        try {
            jakarta.mail.Message[] messages = inbox.getMessages();
            jakarta.mail.FetchProfile sizes = new jakarta.mail.FetchProfile();
            sizes.add(jakarta.mail.FetchProfile.Item.SIZE);
            inbox.fetch(messages, sizes); // one UID FETCH 1:* (RFC822.SIZE)
            long octets = 0;
            for (jakarta.mail.Message message : messages) {
                octets += Math.max(0, message.getSize());
            }
            return Optional.of(new MailboxUsage(octets, null, (long) messages.length, null));
        } catch (MessagingException | RuntimeException e) {
            // a usage reading is never worth the session: skip this sample; a dead connection shows on the next
            // command the session needs anyway
            return Optional.empty();
        }
    }

    @Override
    public void append(String name, String specialUse, byte[] rfc822, Set<String> flags, Instant internalDate) {
        try {
            Folder target = folderFor(name, specialUse);
            MimeMessage message = new MimeMessage((Session) null, new ByteArrayInputStream(rfc822)) {
                @Override
                public Date getReceivedDate() {
                    return internalDate == null ? null : Date.from(internalDate); // APPEND's date-time
                }
            };
            Flags imapFlags = new Flags();
            for (String flag : flags) {
                switch (flag.toLowerCase(java.util.Locale.ROOT)) {
                    case "\\seen" -> imapFlags.add(Flags.Flag.SEEN);
                    case "\\flagged" -> imapFlags.add(Flags.Flag.FLAGGED);
                    case "\\answered" -> imapFlags.add(Flags.Flag.ANSWERED);
                    case "\\draft" -> imapFlags.add(Flags.Flag.DRAFT);
                    case "\\deleted" -> imapFlags.add(Flags.Flag.DELETED);
                    default -> imapFlags.add(flag);
                }
            }
            message.setFlags(imapFlags, true);
            target.appendMessages(new Message[] {message});
        } catch (MessagingException e) {
            throw ImapFailures.translate("append to " + name, e);
        }
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

    @Override
    public List<Found> findByMessageId(String name, String messageIdHeader) {
        return withFolder(name, Folder.READ_ONLY, "search " + name, folder -> {
            List<Found> found = new java.util.ArrayList<>();
            for (Message m : folder.search(new jakarta.mail.search.HeaderTerm("Message-ID", messageIdHeader))) {
                String[] ids = m.getHeader("Message-ID");
                // SEARCH HEADER is a substring match (RFC 3501 §6.4.4): keep only the exact Message-ID
                if (ids != null && java.util.Arrays.stream(ids).anyMatch(id -> id.trim().equals(messageIdHeader))) {
                    found.add(new Found(folder.getUID(m), m.getSize()));
                }
            }
            return found;
        });
    }

    @Override
    public boolean expunge(String name, java.util.Collection<Long> uids) {
        return withFolder(name, Folder.READ_WRITE, "expunge in " + name, folder -> expunge(folder, uids));
    }

    private boolean expunge(IMAPFolder folder, java.util.Collection<Long> uids) throws MessagingException {
        Message[] messages = java.util.Arrays.stream(folder.getMessagesByUID(
                uids.stream().mapToLong(Long::longValue).toArray())).filter(java.util.Objects::nonNull)
                .toArray(Message[]::new);
        if (messages.length == 0) {
            return true;
        }
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (has("UIDPLUS")) {
            folder.expunge(messages); // UID EXPUNGE of exactly these
            return true;
        }
        Message[] deleted = folder.search(new jakarta.mail.search.FlagTerm(new Flags(Flags.Flag.DELETED), true));
        if (deleted.length != messages.length) {
            return false; // a plain EXPUNGE would also carry out another client's pending deletions
        }
        folder.expunge();
        return true;
    }

    @Override
    public boolean move(io.mailsync.events.MessageLocator from, String target) {
        return withFolder(from.folder(), Folder.READ_WRITE, "move from " + from.folder(), folder -> {
            if (folder.getUIDValidity() != from.uidValidity()) {
                return false;
            }
            Message message = folder.getMessageByUID(from.uid());
            if (message == null || message.isExpunged()) {
                return false;
            }
            Folder to = store.getFolder(target);
            if (has("MOVE")) {
                folder.moveMessages(new Message[] {message}, to);
                return true;
            }
            folder.copyMessages(new Message[] {message}, to);
            if (!expunge(folder, List.of(from.uid()))) {
                throw new MessagingException("copied to " + target + ", but the original is only flagged \\Deleted:"
                        + " no UIDPLUS, and another message is \\Deleted too");
            }
            return true;
        });
    }

    private interface FolderWork<T> {
        T on(IMAPFolder folder) throws MessagingException;
    }

    /** On the session's open folder of that name where there is one, else on one opened for this and closed. */
    private <T> T withFolder(String name, int mode, String what, FolderWork<T> work) {
        try {
            for (IMAPFolder open : opened) {
                if (open.getFullName().equals(name) && open.isOpen()
                        && (mode == Folder.READ_ONLY || open.getMode() == Folder.READ_WRITE)) {
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

    private static boolean unreadableAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.angus.mail.iap.ParsingException
                    || (t.getMessage() != null && t.getMessage().contains("parse error"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void abort() {
        closed = true;
        for (IMAPFolder folder : opened) {
            try {
                folder.forceClose(); // the socket goes now, in the middle of an IDLE too
            } catch (MessagingException | RuntimeException ignored) {
                // going away anyway
            }
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // already gone
        }
    }

    /** Closing the folder from another thread ends its IDLE (Angus sends DONE), then logs out. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (IMAPFolder folder : opened) {
            try {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            } catch (MessagingException | IllegalStateException ignored) {
                // the connection is going away anyway
            }
        }
        try {
            store.close();
        } catch (MessagingException ignored) {
            // already gone
        }
    }
}
