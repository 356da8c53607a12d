package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FlagState;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.ServerChanges;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** A selected IMAP folder: read by UID range, wait by IDLE (RFC 2177) or by a plain wait and NOOP. */
final class ImapRemoteFolder implements RemoteFolder {

    private final IMAPFolder folder;
    private final boolean condstore;
    private final boolean qresync;
    private final Long highestModSeq;
    private final ImapWaiter waiter;

    ImapRemoteFolder(IMAPFolder folder, boolean idle, boolean condstore, boolean qresync, Runnable idleWakeUp,
                     java.util.function.Supplier<String> serverError, Duration answerTimeout)
            throws MessagingException {
        this.folder = folder;
        this.condstore = condstore;
        this.qresync = qresync;
        this.highestModSeq = condstore ? folder.getHighestModSeq() : null;
        this.waiter = new ImapWaiter(folder, idle, idleWakeUp, serverError, answerTimeout);
    }

    @Override
    public String name() {
        return folder.getFullName();
    }

    @Override
    public long uidValidity() {
        return call("UIDVALIDITY", folder::getUIDValidity);
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
    public Long highestModSeq() {
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
    public List<MessageSummary> messagesFrom(long fromUid, int max) {
        try {
            // "n:*" also matches the highest UID when it is below n (RFC 3501 §6.4.8): filter by UID
            List<Message> found = Arrays.stream(folder.getMessagesByUID(Math.max(1, fromUid), UIDFolder.MAXUID))
                    .filter(m -> m != null && uid(m) >= fromUid)
                    .sorted(Comparator.comparingLong(this::uid))
                    .limit(max)
                    .toList();
            if (found.isEmpty()) {
                return List.of();
            }
            folder.fetch(found.toArray(Message[]::new), profile());
            java.util.Map<Long, Long> modSeqs = condstore ? modSeqs(uid(found.getFirst()), uid(found.getLast()))
                    : java.util.Map.of();
            List<MessageSummary> summaries = new java.util.ArrayList<>(found.size());
            for (Message m : found) {
                summaries.add(withModSeq(complete(ImapMessageReader.read(m, uid(m))), modSeqs));
            }
            return summaries;
        } catch (MessagingException e) {
            throw ImapFailures.translate("fetch from " + name(), e);
        }
    }

    /** CONDSTORE: each new message's MODSEQ, so a device's later write-back can say UNCHANGEDSINCE. */
    private java.util.Map<Long, Long> modSeqs(long first, long last) throws MessagingException {
        ServerChanges states = (ServerChanges) folder.doCommand(
                p -> ImapFlagCommands.fetchFlags(p, first + ":" + last, true, null, false));
        java.util.Map<Long, Long> modSeqs = new java.util.HashMap<>();
        states.states().forEach(s -> {
            if (s.modSeq() != null) {
                modSeqs.put(s.uid(), s.modSeq());
            }
        });
        return modSeqs;
    }

    private static MessageSummary withModSeq(MessageSummary m, java.util.Map<Long, Long> modSeqs) {
        Long modSeq = modSeqs.get(m.uid());
        return modSeq == null ? m : new MessageSummary(m.uid(), modSeq, m.messageId(), m.from(), m.to(), m.cc(),
                m.subject(), m.sentAt(), m.receivedAt(), m.size(), m.keywords());
    }

    /** An envelope the library could not parse loses its size, date and flags too: fetch those on their own. */
    private MessageSummary complete(MessageSummary m) throws MessagingException {
        if (m.size() > 0) {
            return m;
        }
        MessageSummary basics = (MessageSummary) folder.doCommand(p -> ImapFlagCommands.basics(p, m.uid()));
        if (basics == null) {
            return m;
        }
        return new MessageSummary(m.uid(), m.modSeq(), m.messageId(), m.from(), m.to(), m.cc(), m.subject(),
                m.sentAt(), m.receivedAt() != null ? m.receivedAt() : basics.receivedAt(), basics.size(),
                m.keywords().isEmpty() ? basics.keywords() : m.keywords());
    }

    @Override
    public Optional<byte[]> raw(long uid) {
        try {
            Message m = folder.getMessageByUID(uid);
            if (m == null) {
                return Optional.empty();
            }
            try (java.io.InputStream in = ((org.eclipse.angus.mail.imap.IMAPMessage) m).getMimeStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (jakarta.mail.MessageRemovedException e) {
            return Optional.empty();
        } catch (MessagingException e) {
            throw ImapFailures.translate("BODY.PEEK[] " + uid + " in " + name(), e);
        } catch (java.io.IOException e) {
            throw new io.mailsync.fetcher.application.port.out.MailServerException.Unreachable(
                    "BODY.PEEK[] " + uid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerChanges changedSince(long modSeq, long belowUid) {
        if (belowUid <= 1) {
            return new ServerChanges(List.of(), Set.of(), false);
        }
        return fetchFlags(belowUid, modSeq);
    }

    @Override
    public ServerChanges allFlags(long belowUid) {
        if (belowUid <= 1) {
            return new ServerChanges(List.of(), Set.of(), true);
        }
        return fetchFlags(belowUid, null);
    }

    @Override
    public Optional<FlagState> flagsOf(long uid) {
        ServerChanges one = call("flags of " + uid, () -> (ServerChanges) folder.doCommand(
                p -> ImapFlagCommands.fetchFlags(p, String.valueOf(uid), condstore, null, false)));
        return one.states().stream().filter(s -> s.uid() == uid).findFirst();
    }

    @Override
    public boolean store(long uid, Set<String> add, Set<String> remove, Long unchangedSince) {
        return call("store flags of " + uid, () -> (Boolean) folder.doCommand(p -> {
            boolean added = ImapFlagCommands.store(p, uid, "+", add, unchangedSince);
            // the first STORE moved the message's modseq: the second may not repeat the condition
            return added && ImapFlagCommands.store(p, uid, "-", remove, add.isEmpty() ? unchangedSince : null);
        }));
    }

    @Override
    public void awaitChange(Duration maxWait) {
        waiter.awaitChange(maxWait);
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

    private long uid(Message m) {
        return call("UID", () -> folder.getUID(m));
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

    private static FetchProfile profile() {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        return profile;
    }
}
