package io.mailsync.sync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message a device sent or drafted, as it will be filed: the RFC 822 bytes with CRLF line ends (what an IMAP
 * server stores and counts in RFC822.SIZE, so the APPENDed copy re-matches by size) and a Message-ID, plus the
 * envelope read from its header. Reading it is the {@code MessageParser} port's job (Angus Mail's parsers, issue 16).
 */
public record SentMessage(byte[] rfc822, String messageIdHeader, List<String> from, List<String> to,
                          List<String> cc, String subject, Instant sentAt) {

    public SentMessage {
        Objects.requireNonNull(rfc822, "rfc822");
        Objects.requireNonNull(messageIdHeader, "messageIdHeader");
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    public long size() {
        return rfc822.length;
    }
}
