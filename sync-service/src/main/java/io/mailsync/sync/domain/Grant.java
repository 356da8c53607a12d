package io.mailsync.sync.domain;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.mail.GrantScope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A person's access to a mailbox that is not theirs (issue 23): {@code person} is their customer id, as a token's
 * {@code sub} names it (ADR 0010); {@code contactAddress}, if set, receives the mailbox's quota notices too.
 */
public record Grant(String person, Set<GrantScope> scopes, String contactAddress, Instant grantedAt) {

    /** The longest customer id a grant accepts: the limit account ids have (ADR 0012). */
    public static final int MAX_PERSON = 200;

    public Grant {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(grantedAt, "grantedAt");
        if (person.isBlank() || person.length() > MAX_PERSON) {
            throw new IllegalArgumentException("person: the customer id of the person to share with, 1 to "
                    + MAX_PERSON + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes: name at least one of " + GrantScope.allWireNames());
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        if (contactAddress != null && (contactAddress.isBlank() || !contactAddress.contains("@"))) {
            throw new IllegalArgumentException("contactAddress: an e-mail address, or leave it out");
        }
    }

    public boolean allows(Need need) {
        return need.scope().map(scopes::contains).orElse(false);
    }

    public AccountSpec.Grant toWire() {
        return new AccountSpec.Grant(person, List.copyOf(GrantScope.wireNames(scopes)), contactAddress, grantedAt);
    }

    /** A stored or published grant; one whose scopes this build knows none of grants nothing (null). */
    public static Grant fromWire(AccountSpec.Grant wire) {
        Set<GrantScope> known = GrantScope.known(wire.scopes());
        return known.isEmpty() || wire.grantedAt() == null ? null
                : new Grant(wire.person(), known, wire.contactAddress(), wire.grantedAt());
    }
}
