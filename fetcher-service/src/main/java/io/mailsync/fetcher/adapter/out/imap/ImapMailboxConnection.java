package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.MailboxUsage;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;

/**
 * One logged-in IMAP store and the folders the session opens on it. The folder commands are
 * {@link ImapMailboxFolders}', the usage readings {@link ImapUsage}'s, both on the same store and open folders.
 */
final class ImapMailboxConnection implements MailboxConnection {

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
    private final Duration answerTimeout;
    private final ImapSockets sockets;
    private volatile String serverError;
    private volatile boolean closed;
    private final Set<String> capabilities = new HashSet<>();
    private final ImapMailboxFolders folders;
    private final ImapUsage usage;
    private final ImapOneConnection one;
    private final ImapConnectionEnd ending;

    /** A store connected by sockets of Angus' own: cut, its connections fall back to Angus' {@code forceClose}. */
    ImapMailboxConnection(IMAPStore store, Runnable idleWakeUp, Duration answerTimeout) {
        this(store, idleWakeUp, answerTimeout, false, new ImapSockets(SocketFactory.getDefault()));
    }

    /**
     * Capabilities are read once, right after login: asked later, while a folder holds the store's connection,
     * Angus opens a second connection just to answer (two per mailbox, found by the P3 benchmark).
     * {@code oneConnection}: the host budgets connections (issue 22), so other folders' work never opens a second.
     * {@code sockets}: the factory the store's session connects with, so a connection can be cut at once.
     */
    ImapMailboxConnection(IMAPStore store, Runnable idleWakeUp, Duration answerTimeout, boolean oneConnection,
                          ImapSockets sockets) {
        this.store = store;
        this.idleWakeUp = idleWakeUp;
        this.answerTimeout = answerTimeout;
        this.sockets = sockets;
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
        this.folders = new ImapMailboxFolders(store, opened, has("UIDPLUS"), has("MOVE"));
        this.usage = new ImapUsage(store, opened, has("QUOTA"));
        this.one = new ImapOneConnection(oneConnection, opened, this::select, this::reselect, () -> closed);
        this.ending = new ImapConnectionEnd(store, opened, waiting);
    }

    private boolean has(String capability) {
        return capabilities.contains(capability);
    }

    @Override
    public RemoteFolder open(String name) {
        IMAPFolder folder = one.open(name);
        try {
            ImapRemoteFolder remote = new ImapRemoteFolder(folder, supportsPush(), condstore(), has("QRESYNC"),
                    idleWakeUp, () -> serverError, answerTimeout, sockets);
            waiting.add(remote);
            return remote;
        } catch (MessagingException e) {
            one.failed(folder, e);
            throw ImapFailures.translate("select " + name, e);
        }
    }

    private boolean condstore() {
        return has("QRESYNC") || has("CONDSTORE");
    }

    private IMAPFolder select(String name) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(name);
        select(folder);
        return folder;
    }

    private void reselect(IMAPFolder folder) throws MessagingException {
        select(folder);
        for (ImapRemoteFolder remote : waiting) {
            if (remote.isOn(folder)) {
                remote.selectedAgain();
            }
        }
    }

    private void select(IMAPFolder folder) throws MessagingException {
        if (has("QRESYNC")) {
            folder.open(Folder.READ_WRITE, ENABLE_QRESYNC);
        } else if (condstore()) {
            folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
        } else {
            folder.open(Folder.READ_WRITE);
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
                one.released(open);
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
        return usage.usage();
    }

    @Override
    public Optional<MailboxUsage> inboxSize() {
        return usage.inboxSize();
    }

    @Override
    public void append(String name, String specialUse, byte[] rfc822, Set<Keyword> keywords, Instant internalDate) {
        one.around(() -> {
            folders.append(name, specialUse, rfc822, keywords, internalDate);
            return null;
        });
    }

    @Override
    public String resolveFolder(String name, String specialUse) {
        return one.around(() -> folders.resolveFolder(name, specialUse));
    }

    @Override
    public List<Found> findByMessageId(String name, String messageIdHeader) {
        return one.around(() -> folders.findByMessageId(name, messageIdHeader));
    }

    @Override
    public boolean expunge(String name, Collection<Uid> uids) {
        return one.around(() -> folders.expunge(name, uids));
    }

    @Override
    public boolean move(MessageLocator from, String target) {
        return one.around(() -> folders.move(from, target));
    }

    @Override
    public void abort() {
        closed = true;
        ending.abort();
    }

    @Override
    public void close() {
        boolean first = !closed;
        closed = true;
        ending.close(first);
    }
}
