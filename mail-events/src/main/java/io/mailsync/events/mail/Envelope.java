package io.mailsync.events.mail;

import java.time.Instant;
import java.util.List;

/**
 * What a message says about itself in its RFC 5322 header (as IMAP's ENVELOPE, RFC 3501 §7.4.2): its Message-ID,
 * sender and recipients in display form, subject and Date. Best effort: any of them may be missing from a malformed
 * message, and an address list is then empty, never null. The fetcher reads it, sync-service keeps it; the wire
 * record {@code MessageArrived} carries the same fields flat, as it always has (issue 21, ADR 0012).
 *
 * @param messageIdHeader the {@code Message-ID} header, not sync-service's {@link MessageId}
 * @param sentAt          the {@code Date} header
 */
public record Envelope(
        String messageIdHeader,
        List<String> from,
        List<String> to,
        List<String> cc,
        String subject,
        Instant sentAt) {

    /** Nothing could be read (a POP3 message whose header was not fetched, a message that is not RFC 5322). */
    public static final Envelope EMPTY = new Envelope(null, null, null, null, null, null);

    public Envelope {
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
    }
}
