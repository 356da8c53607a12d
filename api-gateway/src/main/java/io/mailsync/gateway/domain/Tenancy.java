package io.mailsync.gateway.domain;

import io.mailsync.events.mail.GrantScope;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may reach an account, as the accounts topic last said: its owner, and the people it is shared with and what
 * their grants allow (issue 23). The services decide the scopes of what they serve; the gateway needs only whether a
 * person sees the account at all, and {@code read} for the event stream it serves itself.
 */
public record Tenancy(String owner, Map<String, Set<GrantScope>> grants) {

    public Tenancy {
        Objects.requireNonNull(owner, "owner");
        grants = grants == null ? Map.of() : Map.copyOf(grants);
    }

    public static Tenancy ownedBy(String owner) {
        return new Tenancy(owner, Map.of());
    }

    /** The owner, or a person with any grant. */
    public boolean sees(String person) {
        return owner.equals(person) || grants.containsKey(person);
    }

    public boolean allows(String person, GrantScope scope) {
        return owner.equals(person) || grants.getOrDefault(person, Set.of()).contains(scope);
    }
}
