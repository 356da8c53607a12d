package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's sync state moved to {@code state} (JMAP-style push, RFC 8620 §7): data-free; a client that
 * hears it asks {@code /changes?since=} its last state.
 */
@WireType(name = "AccountStateAdvanced", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountStateAdvanced(AccountId accountId, String state, Instant occurredAt) implements WireRecord {

    public AccountStateAdvanced {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
