package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.MailServerException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Issue 22: a mailbox of a host with a connection budget holds exactly one connection, the one its slot counts. Angus
 * gives an open folder a connection of its own and opens a new one for any store command (LIST, APPEND, a folder's
 * EXISTS) while a folder holds the only one, and keeps that second connection pooled while the store lasts; its pool
 * settings bound only the idle connections it keeps, never how many it opens. So before work on another folder the
 * open folders are set aside — closed (UNSELECT), their connection back in the pool for the work — and selected again
 * after it, on the same connection: one re-SELECT of INBOX per other-folder poll or command, between IDLEs.
 */
final class ImapOneConnection {

    /** Selects a folder by name for the session (read-write, CONDSTORE/QRESYNC enabled where offered). */
    interface Select {
        IMAPFolder select(String name) throws MessagingException;
    }

    /** Selects a folder again as it was first selected. */
    interface Reselect {
        void select(IMAPFolder folder) throws MessagingException;
    }

    private final boolean active;
    private final List<IMAPFolder> opened;
    private final Select select;
    private final Reselect reselect;
    private final BooleanSupplier closed;
    /** What selecting each folder set aside, selected again when it is released. */
    private final Map<IMAPFolder, List<IMAPFolder>> setAsideFor = new ConcurrentHashMap<>();

    /**
     * {@code active}: the host budgets connections; otherwise nothing is ever set aside. {@code closed}: the
     * connection was closed or aborted (a lost slot, a lapsed lease) — Angus would log in anew for the next folder
     * or store command, a connection no slot counts, so none is made.
     */
    ImapOneConnection(boolean active, List<IMAPFolder> opened, Select select, Reselect reselect,
                      BooleanSupplier closed) {
        this.active = active;
        this.opened = opened;
        this.select = select;
        this.reselect = reselect;
        this.closed = closed;
    }

    /** Selects {@code name} for the session, the open folders set aside first; {@link #released} restores them. */
    IMAPFolder open(String name) {
        List<IMAPFolder> aside = setAside();
        IMAPFolder folder;
        try {
            folder = select.select(name);
        } catch (MessagingException e) {
            restoreAfterFailure(aside, e);
            throw ImapFailures.translate("select " + name, e);
        }
        opened.add(folder);
        if (!aside.isEmpty()) {
            setAsideFor.put(folder, aside);
        }
        return folder;
    }

    /** The session closed {@code folder}: the folders its selection set aside are selected again. */
    void released(IMAPFolder folder) {
        List<IMAPFolder> aside = setAsideFor.remove(folder);
        if (aside != null) {
            restore(aside);
        }
    }

    /** {@code folder}, selected, could not be used: closed, its connection goes back to the folders set aside. */
    void failed(IMAPFolder folder, Exception failure) {
        opened.remove(folder);
        List<IMAPFolder> aside = setAsideFor.remove(folder);
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | IllegalStateException ignored) {
            // the failure being reported says more
        }
        if (aside != null) {
            restoreAfterFailure(aside, failure);
        }
    }

    private void restoreAfterFailure(List<IMAPFolder> aside, Exception failure) {
        try {
            restore(aside);
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
        }
    }

    /** Fails once the connection is closed: nothing may open a new one behind it. */
    void ensureOpen() {
        if (closed.getAsBoolean()) {
            throw new MailServerException.Unreachable("the connection was closed", null);
        }
    }

    /** Closes the session's open folders (none when inactive) and returns them, to be {@link #restore}d. */
    List<IMAPFolder> setAside() {
        ensureOpen();
        List<IMAPFolder> aside = new ArrayList<>();
        if (!active) {
            return aside;
        }
        for (IMAPFolder folder : opened) {
            opened.remove(folder);
            aside.add(folder);
            try {
                if (folder.isOpen()) {
                    folder.close(false); // never expunges: UNSELECT, or Angus' EXAMINE + CLOSE
                }
            } catch (MessagingException e) {
                throw ImapFailures.translate("close " + folder.getFullName(), e);
            } catch (IllegalStateException e) {
                // closed already (the connection went): the next command on it says so
            }
        }
        return aside;
    }

    /** Selects the folders set aside again, on the connection the work gave back. */
    void restore(List<IMAPFolder> aside) {
        for (IMAPFolder folder : aside) {
            ensureOpen();
            try {
                reselect.select(folder);
            } catch (MessagingException e) {
                throw ImapFailures.translate("select " + folder.getFullName() + " again", e);
            }
            opened.add(folder);
        }
    }

    /** Runs store-level work with the open folders set aside, and selects them again whatever the outcome. */
    <T> T around(Supplier<T> work) {
        List<IMAPFolder> aside = setAside();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            try {
                restore(aside);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        restore(aside);
        return result;
    }
}
