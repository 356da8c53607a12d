package io.mailsync.fetcher.adapter.out.imap;

import jakarta.mail.MessagingException;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** How an {@link ImapMailboxConnection} ends: cut at once (an abort), or closed politely. */
final class ImapConnectionEnd {

    private final IMAPStore store;
    private final List<IMAPFolder> opened;
    private final List<ImapRemoteFolder> waiting;

    /** {@code opened} and {@code waiting}: the connection's own lists, read when it ends. */
    ImapConnectionEnd(IMAPStore store, List<IMAPFolder> opened, List<ImapRemoteFolder> waiting) {
        this.store = store;
        this.opened = opened;
        this.waiting = waiting;
    }

    /**
     * The folders' connections are cut first: Angus' {@code forceClose} ends an IDLE with DONE and waits for its
     * answer, from a server that may have gone silent, and for a wake-up holding the folder's lock.
     */
    void abort() {
        waiting.forEach(ImapRemoteFolder::cut);
        for (IMAPFolder folder : opened) {
            try {
                folder.forceClose();
            } catch (MessagingException | RuntimeException ignored) {
                // going away anyway
            }
        }
        closeStore();
    }

    /**
     * Closing the folder from another thread ends its IDLE (Angus sends DONE), then logs out. The store is closed
     * again even when an abort came first ({@code first} false): Angus' store-level calls (capabilities, quota,
     * listing) open and log in a new pooled connection whenever the pool is empty, also after the store was closed,
     * and only a store close logs such a connection out — R13 saw one left logged in, idle, beside the mailbox's new
     * owner for 87 s. On the caller's thread, so a host's connection budget (issue 22) is given back only once the
     * server let the connections go.
     *
     * <p>Not waited for once the server went silent (an IDLE's DONE unanswered): a LOGOUT over a silent connection (a
     * pooled one, e.g. after a folder lookup) waits for the read timeout, and the session reported the server
     * unreachable only after that. The close then finishes on its own.
     */
    void close(boolean first) {
        if (waiting.stream().anyMatch(ImapRemoteFolder::wentSilent)) {
            Thread.ofVirtual().name("imap-close").start(() -> closePolitely(first));
            return;
        }
        closePolitely(first);
    }

    private void closePolitely(boolean first) {
        if (first) {
            for (IMAPFolder folder : opened) {
                try {
                    if (folder.isOpen()) {
                        folder.close(false);
                    }
                } catch (MessagingException | IllegalStateException ignored) {
                    // the connection is going away anyway
                }
            }
        }
        closeStore();
    }

    private void closeStore() {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // already gone
        }
    }
}
