package io.mailsync.fetcher.domain;

import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the fetcher read of one message on the server: best effort, every field but {@code size} may be missing when
 * the message is malformed.
 *
 * @param uid      the IMAP UID; null for a POP3 message, which has a UIDL instead (RFC 1939 §7)
 * @param modSeq   the CONDSTORE modseq where the server offers it, else null
 * @param keywords what the server's flags mean as keywords ({@link Keyword#fromImapFlags})
 */
public record MessageSummary(
        Uid uid,
        ModSeq modSeq,
        String messageId,
        List<String> from,
        List<String> to,
        List<String> cc,
        String subject,
        Instant sentAt,
        Instant receivedAt,
        long size,
        Set<Keyword> keywords) {

    public MessageSummary {
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
        size = Math.max(0, size);
    }
}
