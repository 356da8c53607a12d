package io.mailsync.gateway.domain;

import java.util.Optional;

/**
 * Whether a caller may reach an account, decided from the account's owner as far as the gateway knows it.
 * Another customer's account is {@link #HIDDEN}: it answers 404, never 403, so ids reveal nothing (ADR 0001).
 */
public enum AccountAccess {
    /** The caller's own account, one shared with the caller (issue 23), or any account for {@code accounts.admin}. */
    ALLOWED,
    /** Another customer's account. */
    HIDDEN,
    /**
     * The gateway has not (yet) seen the account on the accounts topic — just created, or never existed. The
     * service decides: it checks the same token against its own registry and answers 404 for others' accounts.
     */
    UNVERIFIED;

    /** From the account's owner alone (no grants). */
    public static AccountAccess decide(Caller caller, Optional<String> ownerCustomerId) {
        return of(caller, ownerCustomerId.map(Tenancy::ownedBy));
    }

    /**
     * A person the account is shared with reaches it whatever their grant's scopes: the service behind answers 403
     * for what the grant does not allow, as it would for a token scope (issue 23).
     */
    public static AccountAccess of(Caller caller, Optional<Tenancy> tenancy) {
        if (caller.isAdmin()) {
            return ALLOWED;
        }
        return tenancy.map(t -> t.sees(caller.customerId()) ? ALLOWED : HIDDEN).orElse(UNVERIFIED);
    }
}
