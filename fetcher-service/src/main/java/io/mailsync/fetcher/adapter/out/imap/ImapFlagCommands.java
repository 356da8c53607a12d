package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.domain.FlagState;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.ServerChanges;
import jakarta.mail.Flags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.MODSEQ;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * The CONDSTORE/QRESYNC commands Angus has no API for (RFC 7162), sent on the folder's own connection. Responses
 * this class does not consume are handed back to Angus, so its view of the folder stays right.
 */
final class ImapFlagCommands {

    /** A flag atom: no spaces, parentheses, quotes or wildcards can reach the command line (RFC 3501 §9 atom). */
    private static final Pattern FLAG = Pattern.compile("\\\\?[A-Za-z0-9$_.\\-:+&!#'^`|~]{1,64}");

    private ImapFlagCommands() {
    }

    /** {@code UID FETCH 1:n (UID FLAGS [MODSEQ]) [(CHANGEDSINCE m [VANISHED])]}. */
    static ServerChanges fetchFlags(IMAPProtocol p, String uids, boolean modSeq, Long changedSince, boolean vanished)
            throws ProtocolException {
        String modifier = changedSince == null ? ""
                : " (CHANGEDSINCE " + changedSince + (vanished ? " VANISHED" : "") + ")";
        Response[] responses = p.command("UID FETCH " + uids + " (UID FLAGS" + (modSeq ? " MODSEQ" : "") + ")"
                + modifier, null);
        List<FlagState> states = new ArrayList<>();
        Set<Uid> gone = new HashSet<>();
        List<Response> forAngus = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse fetch) {
                UID uid = fetch.getItem(UID.class);
                FLAGS flags = fetch.getItem(FLAGS.class);
                MODSEQ seq = fetch.getItem(MODSEQ.class);
                if (uid != null && flags != null) {
                    states.add(new FlagState(new Uid(uid.uid), keywords(flags), seq == null ? null : ModSeq.of(seq.modseq)));
                }
                forAngus.add(r);
            } else if (r instanceof IMAPResponse ir && ir.keyEquals("VANISHED") && r.toString().contains("(EARLIER)")) {
                // RFC 7162 §3.2.10: expunged before this command; a VANISHED without EARLIER is Angus' to apply
                ir.readAtomStringList();
                Arrays.stream(UIDSet.toArray(UIDSet.parseUIDSets(ir.readAtom()))).mapToObj(Uid::new).forEach(gone::add);
            } else {
                forAngus.add(r);
            }
        }
        finish(p, responses, forAngus);
        return new ServerChanges(states, gone, changedSince == null);
    }

    /**
     * {@code UID STORE uid [(UNCHANGEDSINCE m)] ±FLAGS.SILENT (...)}.
     *
     * @return false when the server answered {@code [MODIFIED]} (RFC 7162 §3.1.3): someone changed it first
     */
    static boolean store(IMAPProtocol p, long uid, String sign, Set<Keyword> keywords, Long unchangedSince)
            throws ProtocolException {
        if (keywords.isEmpty()) {
            return true;
        }
        String flags = keywords.stream().map(Keyword::toImapFlag).map(ImapFlagCommands::checked)
                .collect(Collectors.joining(" "));
        String condition = unchangedSince == null ? "" : " (UNCHANGEDSINCE " + unchangedSince + ")";
        Response[] responses = p.command("UID STORE " + uid + condition + " " + sign + "FLAGS.SILENT (" + flags + ")",
                null);
        p.notifyResponseHandlers(Arrays.copyOf(responses, responses.length - 1));
        Response result = responses[responses.length - 1];
        p.handleResult(result);
        return !result.toString().contains("[MODIFIED");
    }

    /**
     * {@code UID FETCH uid (UID RFC822.SIZE INTERNALDATE FLAGS)} without ENVELOPE: for a message whose envelope
     * the library could not parse, so that its size, date and flags still arrive. Null when the message is gone.
     */
    static MessageSummary basics(IMAPProtocol p, long uid) throws ProtocolException {
        Response[] responses = p.command("UID FETCH " + uid + " (UID RFC822.SIZE INTERNALDATE FLAGS)", null);
        MessageSummary found = null;
        List<Response> forAngus = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse fetch && fetch.getItem(UID.class) != null
                    && fetch.getItem(UID.class).uid == uid) {
                RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
                INTERNALDATE date = fetch.getItem(INTERNALDATE.class);
                FLAGS flags = fetch.getItem(FLAGS.class);
                found = new MessageSummary(new Uid(uid), null, Envelope.EMPTY,
                        date == null || date.getDate() == null ? null : date.getDate().toInstant(),
                        size == null ? 0 : size.size, flags == null ? Set.of() : keywords(flags));
            } else {
                forAngus.add(r);
            }
        }
        finish(p, responses, forAngus);
        return found;
    }

    /** Hands Angus what the caller did not consume (its view of the folder stays right), then the command's result. */
    static void finish(IMAPProtocol p, Response[] responses, List<Response> forAngus) throws ProtocolException {
        p.notifyResponseHandlers(forAngus.toArray(Response[]::new));
        p.handleResult(responses[responses.length - 1]);
    }

    static Set<Keyword> keywords(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag f : flags.getSystemFlags()) {
            String name = systemFlag(f);
            if (name != null) {
                names.add(name);
            }
        }
        names.addAll(Arrays.asList(flags.getUserFlags()));
        return Keyword.fromImapFlags(names); // RFC 8621 §4.1.1: a flag no keyword can spell is dropped
    }

    private static String systemFlag(Flags.Flag f) {
        if (f == Flags.Flag.SEEN) {
            return "\\Seen";
        } else if (f == Flags.Flag.FLAGGED) {
            return "\\Flagged";
        } else if (f == Flags.Flag.ANSWERED) {
            return "\\Answered";
        } else if (f == Flags.Flag.DRAFT) {
            return "\\Draft";
        } else if (f == Flags.Flag.DELETED) {
            return "\\Deleted";
        }
        return null;
    }

    private static String checked(String flag) {
        if (!FLAG.matcher(flag).matches() || flag.equalsIgnoreCase("\\Recent")) {
            throw new IllegalArgumentException("not a flag that can be stored: " + flag);
        }
        return flag;
    }
}
