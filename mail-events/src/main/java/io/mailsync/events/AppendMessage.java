package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Put a message back on the IMAP server: APPEND the RFC 822 bytes behind {@code contentRef} (the content store,
 * ADR 0002) to a folder, with flags (issue 11: a restored deleted message, a copy of sent mail). The fetcher finds
 * the folder by {@code specialUse} (RFC 6154, e.g. {@code \Sent}) where given and offered, else by {@code folder},
 * and creates it if missing. The message then arrives again as a {@code MessageArrived} under a new UID; sync
 * re-matches it by {@code messageIdHeader} and {@code size}.
 *
 * <p>The fetcher first searches the folder for {@code messageIdHeader} with the same {@code size}: a command retried
 * after the connection dropped between APPEND and its answer is appended once, not twice.
 *
 * @param flags                   keywords in JMAP form ({@code $seen}, {@code $draft}, ...)
 * @param receivedAt              the INTERNALDATE to give the message, where known
 * @param replacesMessageIdHeader a draft replaced by this one (issue 11): once appended, the folder's messages with
 *                                this Message-ID (other than the new copy) are expunged; null for none. Added
 *                                within version 1 (absent = none).
 */
@WireType(name = "AppendMessage", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppendMessage(
        UUID commandId,
        Instant issuedAt,
        AccountId accountId,
        Origin origin,
        String folder,
        String specialUse,
        String contentRef,
        long size,
        String messageIdHeader,
        Set<String> flags,
        Instant receivedAt,
        String replacesMessageIdHeader) implements MailCommand {

    /** Without a replaced draft (a sent copy, a restored message). */
    public AppendMessage(UUID commandId, Instant issuedAt, AccountId accountId, Origin origin, String folder,
                         String specialUse, String contentRef, long size, String messageIdHeader, Set<String> flags,
                         Instant receivedAt) {
        this(commandId, issuedAt, accountId, origin, folder, specialUse, contentRef, size, messageIdHeader, flags,
                receivedAt, null);
    }

    public AppendMessage {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(contentRef, "contentRef");
        if (folder.isBlank()) {
            throw new IllegalArgumentException("folder is not blank");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size is not negative");
        }
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }
}
