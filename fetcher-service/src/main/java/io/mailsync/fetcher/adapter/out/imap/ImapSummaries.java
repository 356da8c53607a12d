package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.adapter.out.mime.HeaderText;
import io.mailsync.fetcher.adapter.out.mime.MimeEnvelope;
import io.mailsync.fetcher.domain.MessageSummary;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.ENVELOPE;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.MODSEQ;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * A folder's new messages, read as issue 18's P2 diagnosis asks: one {@code UID FETCH n:* (UID)} lists what is there
 * (kept for the batches that follow, listed again only once used up), then one {@code UID FETCH set (UID FLAGS
 * RFC822.SIZE ENVELOPE INTERNALDATE [MODSEQ])} per batch, taken straight from Angus' parsed responses: no header
 * round trip per message, no second fetch for MODSEQ, no {@code IMAPMessage} kept in Angus' cache per message. The
 * fields are read as {@code IMAPMessage} reads them from the same ENVELOPE (From falls back to Sender; the subject
 * unfolded and RFC 2047-decoded). A message whose response Angus could not parse is read the old way, one by one
 * ({@link ImapMessageReader}), so it still arrives best effort.
 */
final class ImapSummaries {

    private final IMAPFolder folder;
    private final boolean condstore;
    /** UIDs listed but not read yet, ascending; the UIDs asked from never go down (they follow a sync's cursor). */
    private final ArrayDeque<Long> listed = new ArrayDeque<>();
    /** {@link #newest} has just listed up to the folder's end: the read that follows need not ask again. */
    private boolean listedToEnd;

    ImapSummaries(IMAPFolder folder, boolean condstore) {
        this.folder = folder;
        this.condstore = condstore;
    }

    /** Up to {@code max} messages with UID from {@code fromUid} to {@code toUid}, in UID order; gone ones left out. */
    List<MessageSummary> between(long fromUid, long toUid, int max) throws MessagingException {
        List<MessageSummary> read = new ArrayList<>(max);
        while (read.size() < max) {
            List<Long> wanted = next(fromUid, toUid, max - read.size());
            if (wanted.isEmpty()) {
                break;
            }
            read.addAll(read(wanted));
            fromUid = wanted.getLast() + 1;
        }
        return read;
    }

    /**
     * Issue 18: the newest {@code max} of the messages with UID at least {@code fromUid}, in UID order, when there are
     * more of them than that; none otherwise (a backlog that fits one batch is read in order anyway).
     */
    List<MessageSummary> newest(long fromUid, int max) throws MessagingException {
        dropBelow(fromUid);
        listMore(fromUid);
        listedToEnd = true; // a new mail's sync lists once, as before this was asked (issue 18, P1)
        if (listed.size() <= max) {
            return List.of();
        }
        List<Long> wanted = new ArrayList<>(listed).subList(listed.size() - max, listed.size());
        return read(wanted);
    }

    private List<MessageSummary> read(List<Long> wanted) throws MessagingException {
        @SuppressWarnings("unchecked")
        Map<Long, MessageSummary> parsed = (Map<Long, MessageSummary>) folder.doCommand(p -> fetch(p, wanted));
        List<MessageSummary> read = new ArrayList<>(wanted.size());
        for (long uid : wanted) {
            MessageSummary m = parsed.containsKey(uid) ? parsed.get(uid) : oneByOne(uid);
            if (m != null) {
                read.add(complete(m));
            }
        }
        return read;
    }

    private List<Long> next(long fromUid, long toUid, int max) throws MessagingException {
        dropBelow(fromUid);
        if (listed.size() < max && (listed.isEmpty() || listed.peekLast() < toUid) && !listedToEnd) {
            listMore(fromUid);
        }
        listedToEnd = false;
        List<Long> next = new ArrayList<>(Math.min(max, listed.size()));
        for (Long uid : listed) {
            if (next.size() == max || uid > toUid) {
                break;
            }
            next.add(uid);
        }
        return next;
    }

    private void dropBelow(long fromUid) {
        while (!listed.isEmpty() && listed.peekFirst() < fromUid) {
            listed.pollFirst();
        }
    }

    /** Lists what the server has after the UIDs listed so far (everything from {@code fromUid} when none are). */
    private void listMore(long fromUid) throws MessagingException {
        long after = listed.isEmpty() ? fromUid : listed.peekLast() + 1;
        @SuppressWarnings("unchecked")
        TreeSet<Long> found = (TreeSet<Long>) folder.doCommand(p -> list(p, after));
        listed.addAll(found);
    }

    /** {@code UID FETCH n:* (UID)}: "n:*" also matches the highest UID when it is below n (RFC 3501 §6.4.8). */
    private static TreeSet<Long> list(IMAPProtocol p, long fromUid) throws ProtocolException {
        Response[] responses = p.command("UID FETCH " + Math.max(1, fromUid) + ":* (UID)", null);
        TreeSet<Long> uids = new TreeSet<>();
        List<Response> forAngus = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null) {
                if (f.getItem(UID.class).uid >= fromUid) {
                    uids.add(f.getItem(UID.class).uid);
                }
            } else {
                forAngus.add(r);
            }
        }
        ImapFlagCommands.finish(p, responses, forAngus);
        return uids;
    }

    private Map<Long, MessageSummary> fetch(IMAPProtocol p, List<Long> uids) throws ProtocolException {
        String set = UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).toArray()));
        Response[] responses = p.command("UID FETCH " + set + " (UID FLAGS RFC822.SIZE ENVELOPE INTERNALDATE"
                + (condstore ? " MODSEQ" : "") + ")", null);
        Map<Long, MessageSummary> read = new HashMap<>();
        List<Response> forAngus = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(ENVELOPE.class) != null) {
                read.put(f.getItem(UID.class).uid, summary(f));
            } else {
                forAngus.add(r);
            }
        }
        ImapFlagCommands.finish(p, responses, forAngus);
        return read;
    }

    private static MessageSummary summary(FetchResponse f) {
        ENVELOPE envelope = f.getItem(ENVELOPE.class);
        RFC822SIZE size = f.getItem(RFC822SIZE.class);
        INTERNALDATE received = f.getItem(INTERNALDATE.class);
        FLAGS flags = f.getItem(FLAGS.class);
        MODSEQ modSeq = f.getItem(MODSEQ.class);
        InternetAddress[] from = envelope.from == null || envelope.from.length == 0 ? envelope.sender : envelope.from;
        return new MessageSummary(new Uid(f.getItem(UID.class).uid), modSeq == null ? null : ModSeq.of(modSeq.modseq),
                new Envelope(envelope.messageId, MimeEnvelope.displayed(from), MimeEnvelope.displayed(envelope.to),
                        MimeEnvelope.displayed(envelope.cc), HeaderText.subject(envelope.subject),
                        instant(envelope.date)),
                received == null ? null : instant(received.getDate()), size == null ? 0 : size.size,
                flags == null ? Set.of() : ImapFlagCommands.keywords(flags));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The old way, for a message whose FETCH response Angus could not parse; null when it is gone. */
    private MessageSummary oneByOne(long uid) throws MessagingException {
        Message m = folder.getMessageByUID(uid);
        if (m == null) {
            return null;
        }
        folder.fetch(new Message[] {m}, profile());
        MessageSummary read = ImapMessageReader.read(m, uid);
        Long modSeq = condstore && m instanceof IMAPMessage imap ? imap.getModSeq() : null;
        return modSeq == null || modSeq < 0 ? read : new MessageSummary(read.uid(), ModSeq.of(modSeq), read.envelope(),
                read.receivedAt(), read.size(), read.keywords());
    }

    /** An envelope the library could not parse loses its size, date and flags too: fetch those on their own. */
    private MessageSummary complete(MessageSummary m) throws MessagingException {
        if (m.size() > 0) {
            return m;
        }
        MessageSummary basics = (MessageSummary) folder.doCommand(p -> ImapFlagCommands.basics(p, m.uid().value()));
        if (basics == null) {
            return m;
        }
        return new MessageSummary(m.uid(), m.modSeq(), m.envelope(),
                m.receivedAt() != null ? m.receivedAt() : basics.receivedAt(), basics.size(),
                m.keywords().isEmpty() ? basics.keywords() : m.keywords());
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
