package io.mailsync.gateway.domain;

import java.util.Optional;

/**
 * Whether a caller may reach an account, decided from the account's owner as far as the gateway knows it.
 * Another customer's account is {@link #HIDDEN}: it answers 404, never 403, so ids reveal nothing (ADR 0001).
 */
public enum AccountAccess {
    /** The caller's own account, or any account for {@code accounts.admin}. */
    ALLOWED,
    /** Another customer's account. */
    HIDDEN,
    /**
     * The gateway has not (yet) seen the account on the accounts topic — just created, or never existed. The
     * service decides: it checks the same token against its own registry and answers 404 for others' accounts.
     */
    UNVERIFIED;

    public static AccountAccess decide(Caller caller, Optional<String> ownerCustomerId) {
        if (caller.isAdmin()) {
            return ALLOWED;
        }
        return ownerCustomerId.map(owner -> owner.equals(caller.customerId()) ? ALLOWED : HIDDEN)
                .orElse(UNVERIFIED);
    }
}
