package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FlagState;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.ServerChanges;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** A selected IMAP folder: read by UID range, wait by IDLE (RFC 2177) or by a plain wait and NOOP. */
final class ImapRemoteFolder implements RemoteFolder {

    private final IMAPFolder folder;
    private final boolean condstore;
    private final boolean qresync;
    private volatile ModSeq highestModSeq;
    private final ImapWaiter waiter;
    private final ImapSummaries summaries;
    private final ServerAnnouncements announcements = new ServerAnnouncements();

    ImapRemoteFolder(IMAPFolder folder, boolean idle, boolean condstore, boolean qresync, Runnable idleWakeUp,
                     java.util.function.Supplier<String> serverError, Duration answerTimeout, ImapSockets sockets)
            throws MessagingException {
        this.folder = folder;
        this.condstore = condstore;
        this.qresync = qresync;
        this.highestModSeq = selectedModSeq();
        this.waiter = new ImapWaiter(folder, idle, idleWakeUp, serverError, answerTimeout, sockets);
        this.summaries = new ImapSummaries(folder, condstore);
        listen();
    }

    /** On the folder's connection of this selection (a folder selected again may be on another). */
    private void listen() throws MessagingException {
        waiter.selectedOn((ImapSockets.Ends) folder.doCommand(p -> {
            p.removeResponseHandler(announcements);
            p.addResponseHandler(announcements);
            return new ImapSockets.Ends(p.getLocalSocketAddress(), p.getInetAddress());
        }));
    }

    /** Closes the folder's connection at once, whatever it is doing (an abort: the session is going away). */
    void cut() {
        waiter.cut();
    }

    /** The server left an IDLE's DONE unanswered, and the connection was cut for it. */
    boolean wentSilent() {
        return waiter.wentSilent();
    }

    /**
     * Issue 22: the folder was set aside and selected again (a budgeted host's one connection): HIGHESTMODSEQ is the
     * new selection's, so a rebuild after a UIDVALIDITY change in between never starts from the old incarnation's.
     */
    void selectedAgain() throws MessagingException {
        highestModSeq = selectedModSeq();
        listen();
    }

    boolean isOn(IMAPFolder other) {
        return folder == other;
    }

    private ModSeq selectedModSeq() throws MessagingException {
        long highest = condstore ? folder.getHighestModSeq() : -1;
        // Angus answers -1 where the server said NOMODSEQ (RFC 7162 §3.1.2.2): as without CONDSTORE, no modseq
        return highest >= 0 ? ModSeq.of(highest) : null;
    }

    @Override
    public String name() {
        return folder.getFullName();
    }

    @Override
    public UidValidity uidValidity() {
        return new UidValidity(call("UIDVALIDITY", folder::getUIDValidity));
    }

    @Override
    public long uidNext() {
        return call("UIDNEXT", () -> {
            long reported = folder.getUIDNext();
            if (reported > 0) {
                return reported;
            }
            // Courier's SELECT answers no UIDNEXT (an optional response, RFC 3501 §7.1): one above the highest UID
            // the folder holds is enough for everything that reads it (a rebuild's "what was already there")
            int count = folder.getMessageCount();
            return count == 0 ? 1 : folder.getUID(folder.getMessage(count)) + 1;
        });
    }

    @Override
    public ModSeq highestModSeq() {
        return highestModSeq;
    }

    @Override
    public boolean condstore() {
        return condstore;
    }

    @Override
    public boolean qresync() {
        return qresync;
    }

    @Override
    public int messageCount() {
        return call("message count", folder::getMessageCount);
    }

    @Override
    public long announcements() {
        return announcements.seen();
    }

    @Override
    public long countAnnouncements() {
        return announcements.countChanges();
    }

    @Override
    public List<MessageSummary> messagesBetween(long fromUid, long toUid, int max) {
        try {
            return summaries.between(fromUid, toUid, max);
        } catch (MessagingException e) {
            throw ImapFailures.translate("fetch from " + name(), e);
        }
    }

    @Override
    public List<MessageSummary> newest(long fromUid, int max) {
        try {
            return summaries.newest(fromUid, max);
        } catch (MessagingException e) {
            throw ImapFailures.translate("fetch the newest of " + name(), e);
        }
    }

    @Override
    public List<Uid> search(io.mailsync.events.SearchCriteria criteria) {
        return call("SEARCH in " + name(), () -> {
            var term = ImapSearchTerms.of(criteria);
            Message[] found = term.isPresent() ? folder.search(term.get()) : folder.getMessages();
            jakarta.mail.FetchProfile uids = new jakarta.mail.FetchProfile();
            uids.add(jakarta.mail.UIDFolder.FetchProfileItem.UID);
            folder.fetch(found, uids);
            List<Uid> result = new java.util.ArrayList<>(found.length);
            for (Message m : found) {
                result.add(new Uid(folder.getUID(m)));
            }
            result.sort(null);
            return result;
        });
    }

    @Override
    public Optional<byte[]> raw(Uid uid) {
        try {
            Message m = folder.getMessageByUID(uid.value());
            if (m == null) {
                return Optional.empty();
            }
            try (java.io.InputStream in = ((org.eclipse.angus.mail.imap.IMAPMessage) m).getMimeStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (jakarta.mail.MessageRemovedException e) {
            return Optional.empty();
        } catch (MessagingException e) {
            throw ImapFailures.translate("BODY.PEEK[] " + uid.value() + " in " + name(), e);
        } catch (java.io.IOException e) {
            throw new io.mailsync.fetcher.application.port.out.MailServerException.Unreachable(
                    "BODY.PEEK[] " + uid.value() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerChanges changedSince(ModSeq modSeq, long belowUid) {
        if (belowUid <= 1) {
            return new ServerChanges(List.of(), Set.of(), false);
        }
        return fetchFlags(belowUid, modSeq.value());
    }

    @Override
    public ServerChanges allFlags(long belowUid) {
        if (belowUid <= 1) {
            return new ServerChanges(List.of(), Set.of(), true);
        }
        return fetchFlags(belowUid, null);
    }

    @Override
    public Optional<FlagState> flagsOf(Uid uid) {
        ServerChanges one = call("flags of " + uid.value(), () -> (ServerChanges) folder.doCommand(
                p -> ImapFlagCommands.fetchFlags(p, String.valueOf(uid.value()), condstore, null, false)));
        return one.states().stream().filter(s -> s.uid().equals(uid)).findFirst();
    }

    @Override
    public boolean store(Uid uid, Set<Keyword> add, Set<Keyword> remove, ModSeq unchangedSince) {
        Long since = unchangedSince == null ? null : unchangedSince.value();
        return call("store flags of " + uid.value(), () -> (Boolean) folder.doCommand(p -> {
            boolean added = ImapFlagCommands.store(p, uid.value(), "+", add, since);
            // the first STORE moved the message's modseq: the second may not repeat the condition
            return added && ImapFlagCommands.store(p, uid.value(), "-", remove, add.isEmpty() ? since : null);
        }));
    }

    @Override
    public boolean awaitChange(Duration maxWait) {
        return waiter.awaitChange(maxWait);
    }

    @Override
    public void wakeUp() {
        waiter.wakeUp();
    }

    private ServerChanges fetchFlags(long belowUid, Long changedSince) {
        String range = "1:" + (belowUid - 1);
        return call("flags in " + name(), () -> (ServerChanges) folder.doCommand(
                p -> ImapFlagCommands.fetchFlags(p, range, condstore, changedSince, qresync && changedSince != null)));
    }

    private interface MailCall<T> {
        T call() throws MessagingException;
    }

    private <T> T call(String what, MailCall<T> call) {
        try {
            return call.call();
        } catch (MessagingException e) {
            throw ImapFailures.translate(what + " of " + name(), e);
        }
    }
}
