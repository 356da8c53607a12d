package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.domain.FlagState;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.ServerChanges;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A selected folder on the server, located by UID, never by sequence number. */
public interface RemoteFolder {

    String name();

    UidValidity uidValidity();

    /** UIDNEXT as reported when the folder was selected. */
    long uidNext();

    /** HIGHESTMODSEQ as reported when the folder was selected; null without CONDSTORE. */
    ModSeq highestModSeq();

    /** CONDSTORE (RFC 7162): per-message modseqs, {@code CHANGEDSINCE}, {@code UNCHANGEDSINCE}. */
    boolean condstore();

    /** QRESYNC (RFC 7162): expunges reported as {@code VANISHED}. */
    boolean qresync();

    /** The number of messages in the folder (Angus sends a NOOP first when the last command is over a second old). */
    int messageCount();

    /**
     * How many changes the server has announced on this folder's connection so far ({@code EXISTS}, {@code EXPUNGE},
     * {@code FETCH}, {@code VANISHED}), whichever command's answer carried them — its own FETCH and STORE answers
     * included. Compared around commands that ask for no message data, it tells whether their answers announced a
     * change, which an IDLE started afterwards would not announce again.
     */
    long announcements();

    /**
     * How many of those {@link #announcements()} said that messages came or went ({@code EXISTS}, {@code EXPUNGE},
     * {@code VANISHED}). Reading it sends nothing to the server — unlike {@link #messageCount()} in Angus, which
     * sends a NOOP first when the connection's last command is over a second old, as it is after every IDLE.
     * Compared around a sync, it tells whether mail came or went while the sync ran.
     */
    long countAnnouncements();

    /** Up to {@code max} messages with UID at least {@code fromUid}, in UID order, read best effort. */
    default List<MessageSummary> messagesFrom(long fromUid, int max) {
        return messagesBetween(fromUid, Long.MAX_VALUE, max);
    }

    /** Up to {@code max} messages with UID from {@code fromUid} to {@code toUid}, in UID order, read best effort. */
    List<MessageSummary> messagesBetween(long fromUid, long toUid, int max);

    /**
     * The newest {@code max} messages with UID at least {@code fromUid}, in UID order, when there are more of them
     * than that; none when they fit in {@code max} (issue 18: a large backlog shows its newest mail first).
     */
    List<MessageSummary> newest(long fromUid, int max);

    /**
     * {@code UID SEARCH} (RFC 3501 §6.4.4) on the server, which has every body (issue 20): the UIDs of the messages that
     * meet every criterion given, ascending.
     */
    default List<Uid> search(io.mailsync.events.SearchCriteria criteria) {
        throw new MailServerException.Unsupported("this folder cannot be searched on the server");
    }

    /** The raw message ({@code BODY.PEEK[]}: reading it never sets {@code \Seen}); empty when it is gone. */
    Optional<byte[]> raw(Uid uid);

    /** CONDSTORE: flags of messages below {@code belowUid} changed since {@code modSeq}, and VANISHED where QRESYNC. */
    ServerChanges changedSince(ModSeq modSeq, long belowUid);

    /** The full comparison: flags of every message below {@code belowUid} ({@link ServerChanges#complete()}). */
    ServerChanges allFlags(long belowUid);

    /** One message's flags now; empty when it is gone. */
    Optional<FlagState> flagsOf(Uid uid);

    /**
     * {@code UID STORE +FLAGS.SILENT / -FLAGS.SILENT}, with {@code UNCHANGEDSINCE} when given (RFC 7162 §3.1.3).
     *
     * @return false when the server refused because the message changed since {@code unchangedSince}
     */
    boolean store(Uid uid, Set<Keyword> addKeywords, Set<Keyword> removeKeywords, ModSeq unchangedSince);

    /**
     * Waits until the server reports a change, {@link #wakeUp()} is called, or {@code maxWait} passes: IDLE where
     * offered (re-issued by the caller before RFC 2177's 29 minutes), a plain wait plus NOOP otherwise.
     *
     * @return true when {@code maxWait} passed: nothing the server announced and no wake-up ended the wait
     */
    boolean awaitChange(Duration maxWait);

    /** Ends a wait in {@link #awaitChange} early (from another thread): there is work to do. */
    void wakeUp();
}
