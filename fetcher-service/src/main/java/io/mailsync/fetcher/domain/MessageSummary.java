package io.mailsync.fetcher.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the fetcher read of one message on the server: best effort, every field but {@code uid} and {@code size}
 * may be missing when the message is malformed.
 *
 * @param keywords JMAP keywords ({@link Keywords})
 */
public record MessageSummary(
        long uid,
        Long modSeq,
        String messageId,
        List<String> from,
        List<String> to,
        List<String> cc,
        String subject,
        Instant sentAt,
        Instant receivedAt,
        long size,
        Set<String> keywords) {

    public MessageSummary {
        if (uid < 0) {
            throw new IllegalArgumentException("uid is not negative");
        }
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
        size = Math.max(0, size);
    }
}
