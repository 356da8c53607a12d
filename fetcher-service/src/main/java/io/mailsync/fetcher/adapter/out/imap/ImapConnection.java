package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** One logged-in IMAP store and the folders opened on it. */
final class ImapConnection implements MailboxConnection {

    private final Store store;
    private final List<IMAPFolder> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ImapConnection(Store store) {
        this.store = store;
    }

    @Override
    public RemoteFolder open(String name) {
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(name);
            folder.open(Folder.READ_WRITE);
            opened.add(folder);
            return new ImapRemoteFolder(folder, supportsPush());
        } catch (MessagingException e) {
            throw ImapFailures.translate("select " + name, e);
        }
    }

    @Override
    public boolean supportsPush() {
        try {
            return ((IMAPStore) store).hasCapability("IDLE");
        } catch (MessagingException e) {
            throw ImapFailures.translate("capabilities", e);
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
