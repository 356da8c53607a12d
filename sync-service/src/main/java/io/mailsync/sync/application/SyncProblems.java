package io.mailsync.sync.application;

/** Expected refusals, each telling the HTTP edge which status fits. Messages are for people and hold no secret. */
public final class SyncProblems {

    private SyncProblems() {
    }

    /**
     * A caller naming an account that is not there, or not theirs; the web adapters answer the same for an id that
     * cannot be an {@code AccountId} at all (issue 21, ADR 0012).
     */
    public static NotFound noAccount(String accountId) {
        return new NotFound("no account " + accountId);
    }

    /** A device id that names no device of the account (also one that cannot be a {@code DeviceId}). */
    public static NotFound unknownDevice(String deviceId) {
        return new NotFound("device " + deviceId + " is not registered on this account;"
                + " register it with POST /api/v1/accounts/{accountId}/devices");
    }

    /** 404: absent, or another customer's (never 403 for those, so ids can't be probed). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** 403: the caller may not do this for that customer. */
    public static final class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** 409: clashes with what exists. */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** 410: the state can no longer be caught up from; the client resyncs (RFC 8620 §5.2 cannotCalculateChanges). */
    public static final class StateGone extends RuntimeException {
        public StateGone(String message) {
            super(message);
        }
    }

    /** 410: it existed, but can no longer be had (a deleted message past its recovery window). */
    public static final class Gone extends RuntimeException {
        public Gone(String message) {
            super(message);
        }
    }

    /** 412: the message changed after the state the client made its edit conditional on. */
    public static final class PreconditionFailed extends RuntimeException {
        public PreconditionFailed(String message) {
            super(message);
        }
    }

    /** 503: a dependency refused; nothing was half-done that the client must repair. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * 503 with Retry-After: what only the mail server has could not be had now — the owning fetcher did not answer in
     * time, or the server refused (issue 20). Nothing changed; asking again later may succeed.
     */
    public static final class MailboxUnavailable extends RuntimeException {
        private final java.time.Duration retryAfter;

        public MailboxUnavailable(String message, java.time.Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }
}
