package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.MessageSummary;
import java.time.Duration;
import java.util.List;

/** A selected folder on the server, located by UID, never by sequence number. */
public interface RemoteFolder {

    String name();

    long uidValidity();

    /** UIDNEXT as reported when the folder was selected. */
    long uidNext();

    /** The number of messages the server last reported (updated by any command's untagged responses). */
    int messageCount();

    /** Up to {@code max} messages with UID at least {@code fromUid}, in UID order, read best effort. */
    List<MessageSummary> messagesFrom(long fromUid, int max);

    /**
     * Waits until the server reports a change or {@code maxWait} passes: IDLE where offered (re-issued by the
     * caller before RFC 2177's 29 minutes), a plain wait plus NOOP otherwise.
     */
    void awaitChange(Duration maxWait);
}
