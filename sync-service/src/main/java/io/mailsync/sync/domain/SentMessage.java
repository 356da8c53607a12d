package io.mailsync.sync.domain;

import io.mailsync.events.mail.Envelope;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a device sent or drafted, as it will be filed: the RFC 822 bytes with CRLF line ends (what an IMAP
 * server stores and counts in RFC822.SIZE, so the APPENDed copy re-matches by size) and a Message-ID, plus the
 * envelope read from its header. Reading it is the {@code MessageParser} port's job (Angus Mail's parsers, issue 16).
 */
public record SentMessage(byte[] rfc822, Envelope envelope) {

    public SentMessage {
        Objects.requireNonNull(rfc822, "rfc822");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(envelope.messageIdHeader(), "messageIdHeader");
    }

    public String messageIdHeader() {
        return envelope.messageIdHeader();
    }

    /** The envelope as filed: a message sent without a {@code Date} header is dated when it was filed. */
    public Envelope envelopeDatedOr(Instant filedAt) {
        Envelope e = envelope;
        return e.sentAt() != null ? e : new Envelope(e.messageIdHeader(), e.from(), e.to(), e.cc(), e.subject(), filedAt);
    }

    public long size() {
        return rfc822.length;
    }
}
