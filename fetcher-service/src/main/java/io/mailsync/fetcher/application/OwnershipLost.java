package io.mailsync.fetcher.application;

/**
 * This fetcher may no longer act for the account: another session took a newer owner epoch (then the session stops
 * for good), or this fetcher's Kafka lease lapsed (then it waits until the lease is renewed and its epoch still holds).
 */
final class OwnershipLost extends RuntimeException {

    private final boolean epochTaken;

    OwnershipLost(String message, boolean epochTaken) {
        super(message, null, false, false);
        this.epochTaken = epochTaken;
    }

    /** True when a newer owner exists; false when only this fetcher's lease lapsed. */
    boolean epochTaken() {
        return epochTaken;
    }
}
