package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import java.time.Instant;
import java.util.Set;

/**
 * What the fetcher read of one message on the server: best effort, every field but {@code size} may be missing when
 * the message is malformed (an envelope then {@link Envelope#EMPTY} or partly so).
 *
 * @param uid      the IMAP UID; null for a POP3 message, which has a UIDL instead (RFC 1939 §7)
 * @param modSeq   the CONDSTORE modseq where the server offers it, else null
 * @param keywords what the server's flags mean as keywords ({@link Keyword#fromImapFlags})
 */
public record MessageSummary(
        Uid uid,
        ModSeq modSeq,
        Envelope envelope,
        Instant receivedAt,
        long size,
        Set<Keyword> keywords) {

    public MessageSummary {
        envelope = envelope == null ? Envelope.EMPTY : envelope;
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
        size = Math.max(0, size);
    }
}
