package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A message's flags changed on the server. Consumers apply {@code added}/{@code removed} as a delta;
 * {@code current} is the full set the server reported, for consumers that missed earlier deltas.
 */
@WireType(name = "MessageFlagsChanged", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageFlagsChanged(
        UUID eventId,
        Instant occurredAt,
        String accountId,
        Origin origin,
        MessageLocator locator,
        Long modSeq,
        Set<String> added,
        Set<String> removed,
        Set<String> current) implements MailEvent {

    public MessageFlagsChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(locator, "locator");
        added = added == null ? Set.of() : Set.copyOf(added);
        removed = removed == null ? Set.of() : Set.copyOf(removed);
        current = current == null ? Set.of() : Set.copyOf(current);
    }
}
