package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A message's flags changed on the server. Consumers apply {@code added}/{@code removed} as a delta;
 * {@code current} is the full set the server reported, for consumers that missed earlier deltas.
 * {@code added}/{@code removed} are exactly what {@code origin} changed (issue 15): after a device's write-back the
 * flags its command set carry the device as origin (an echo, already applied), and any other difference the server
 * shows is announced in an event of its own with origin {@code SERVER} — never folded into the device's.
 */
@WireType(name = "MessageFlagsChanged", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageFlagsChanged(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Origin origin,
        MessageLocator locator,
        Long modSeq,
        Set<String> added,
        Set<String> removed,
        Set<String> current,
        Long ownerEpoch) implements MailEvent {

    public MessageFlagsChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(locator, "locator");
        added = added == null ? Set.of() : Set.copyOf(added);
        removed = removed == null ? Set.of() : Set.copyOf(removed);
        current = current == null ? Set.of() : Set.copyOf(current);
    }

    /** Without an owner epoch: what producers before issue 15 wrote, and what tests and tools still build. */
    public MessageFlagsChanged(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin,
            MessageLocator locator, Long modSeq, Set<String> added, Set<String> removed, Set<String> current) {
        this(eventId, occurredAt, accountId, origin, locator, modSeq, added, removed, current, null);
    }

    @Override
    public MessageFlagsChanged withOwnerEpoch(long epoch) {
        return new MessageFlagsChanged(eventId, occurredAt, accountId, origin, locator, modSeq, added, removed,
                current, epoch);
    }
}
