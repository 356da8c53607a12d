package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The owning fetcher's answer to a {@link FetchMessageBody} (same {@code commandId}), on {@link Topics#REPLIES}.
 *
 * @param outcome    {@code STORED}: the exact bytes are in the content store at {@code contentRef} ({@code size}
 *                   octets); {@code GONE}: the server no longer has the message at that locator (expunged, or another
 *                   UIDVALIDITY); {@code FAILED}: the server or the content store refused, {@code reason} says why
 *                   (no secret) — the caller may ask again later
 * @param ownerEpoch the answering session's owner epoch (ADR 0007): an answer from an epoch older than the newest the
 *                   requester knows for the account is a stale owner's and is ignored
 */
@WireType(name = "MessageBodyFetched", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageBodyFetched(
        UUID commandId,
        Instant occurredAt,
        AccountId accountId,
        MessageLocator locator,
        Outcome outcome,
        String contentRef,
        Long size,
        Long ownerEpoch,
        String reason) implements CommandReply {

    public enum Outcome { STORED, GONE, FAILED }

    public MessageBodyFetched {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.STORED && (contentRef == null || size == null || size < 0)) {
            throw new IllegalArgumentException("a stored body has a contentRef and a size");
        }
    }

    public static MessageBodyFetched stored(FetchMessageBody request, Instant at, String contentRef, long size,
                                            Long ownerEpoch) {
        return new MessageBodyFetched(request.commandId(), at, request.accountId(), request.locator(), Outcome.STORED,
                contentRef, size, ownerEpoch, null);
    }

    public static MessageBodyFetched notStored(FetchMessageBody request, Instant at, Outcome outcome, Long ownerEpoch,
                                               String reason) {
        return new MessageBodyFetched(request.commandId(), at, request.accountId(), request.locator(), outcome, null,
                null, ownerEpoch, reason);
    }
}
