package io.mailsync.sync.domain;

import io.mailsync.events.mail.GrantScope;
import java.util.Optional;

/**
 * What a request needs of a mailbox, so a person it is shared with can be let in or refused (issue 23). The owner
 * (and {@code accounts.admin}) may do everything; {@link #OWNER} is what only they may do — who shares the mailbox,
 * its audit trail, its credential.
 */
public enum Need {
    READ(GrantScope.READ),
    WRITE(GrantScope.WRITE),
    MANAGE_DEVICES(GrantScope.MANAGE_DEVICES),
    OWNER(null);

    private final GrantScope scope;

    Need(GrantScope scope) {
        this.scope = scope;
    }

    /** The grant scope that satisfies this need; empty for what only the owner may do. */
    public Optional<GrantScope> scope() {
        return Optional.ofNullable(scope);
    }
}
