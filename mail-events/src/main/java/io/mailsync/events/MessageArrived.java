package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Envelope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A message the fetcher has not announced before. Envelope fields are best effort: a malformed message still
 * arrives, with whatever could be parsed. The body never travels here; {@code contentRef} points to the
 * content store where the account's policy stores bodies (claim check). The envelope's fields travel flat, as they
 * did before {@link Envelope} existed: {@link #envelope()} reads them as one, the constructor taking one writes them
 * (ADR 0012; the golden file is unchanged).
 *
 * @param flags    keywords in JMAP form ({@code $seen}, {@code $flagged}, ..., custom keywords as they are)
 * @param modSeq   the message's CONDSTORE modseq where the server offers it
 * @param receivedAt the server's INTERNALDATE, or when the fetcher first saw a POP3 message
 * @param rebuild  true when re-announced after a {@link FolderReset}: known mail under a new UID, not new mail
 */
@WireType(name = "MessageArrived", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageArrived(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Origin origin,
        MessageLocator locator,
        Long modSeq,
        String messageIdHeader,
        List<String> from,
        List<String> to,
        List<String> cc,
        String subject,
        Instant sentAt,
        Instant receivedAt,
        long size,
        Set<String> flags,
        String contentRef,
        boolean rebuild,
        Long ownerEpoch) implements MailEvent {

    public MessageArrived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(locator, "locator");
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        if (size < 0) {
            throw new IllegalArgumentException("size is not negative");
        }
    }

    /** Without an owner epoch: what producers before issue 15 wrote, and what tests and tools still build. */
    public MessageArrived(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin, MessageLocator locator,
            Long modSeq, String messageIdHeader, List<String> from, List<String> to, List<String> cc, String subject,
            Instant sentAt, Instant receivedAt, long size, Set<String> flags, String contentRef, boolean rebuild) {
        this(eventId, occurredAt, accountId, origin, locator, modSeq, messageIdHeader, from, to, cc, subject, sentAt,
                receivedAt, size, flags, contentRef, rebuild, null);
    }

    /** From what the fetcher read of the message; {@code modSeq}, {@code contentRef} and the epoch as above. */
    public MessageArrived(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin, MessageLocator locator,
            Long modSeq, Envelope envelope, Instant receivedAt, long size, Set<String> flags, String contentRef,
            boolean rebuild) {
        this(eventId, occurredAt, accountId, origin, locator, modSeq, envelope.messageIdHeader(), envelope.from(),
                envelope.to(), envelope.cc(), envelope.subject(), envelope.sentAt(), receivedAt, size, flags,
                contentRef, rebuild, null);
    }

    /** The message's header fields as one value (not a field of its own on the wire). */
    @JsonIgnore
    public Envelope envelope() {
        return new Envelope(messageIdHeader, from, to, cc, subject, sentAt);
    }

    @Override
    public MessageArrived withOwnerEpoch(long epoch) {
        return new MessageArrived(eventId, occurredAt, accountId, origin, locator, modSeq, messageIdHeader, from, to,
                cc, subject, sentAt, receivedAt, size, flags, contentRef, rebuild, epoch);
    }
}
